package org.partnersearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.partnersearch.config.ServiceConfig;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Every option of every command can come from the environment, and the README's table lists it. */
class ConfigurationTest {
  private static final Pattern ENV =
      Pattern.compile("\\$\\{env:(PARTNER_SEARCH_[A-Z_]+)(?::-([^}]*))?}");

  @Test
  void everyOptionHasAnEnvironmentVariableAndTheReadmeTableNamesBothWithTheDefault()
      throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    List<String> missing = new ArrayList<>();
    CommandLine main = Main.commandLine();
    assertEquals(
        List.of("serve", "index", "validate", "search", "suggest", "analyze"),
        List.copyOf(main.getSubcommands().keySet()));
    for (CommandLine sub : main.getSubcommands().values()) {
      List<Class<?>> classes = new ArrayList<>();
      classes.add(sub.getCommandSpec().userObject().getClass());
      sub.getCommandSpec().mixins().values().forEach(m -> classes.add(m.userObject().getClass()));
      for (Class<?> type : classes) {
        for (Field field : type.getDeclaredFields()) {
          Option option = field.getAnnotation(Option.class);
          if (option == null || option.usageHelp() || option.versionHelp()) {
            continue;
          }
          String longest = option.names()[0];
          String name = sub.getCommandName() + " " + longest;
          Matcher env = ENV.matcher(option.defaultValue());
          if (!env.matches()) {
            missing.add(name + ": no ${env:PARTNER_SEARCH_…} default");
          } else if (!readme.contains("`" + env.group(1) + "`")
              || !readme.contains(longest + "`")) {
            missing.add(name + ": " + env.group(1) + " not in the README's configuration table");
          } else if (!String.join(" ", option.description())
              .contains("(env " + env.group(1) + ", default: ")) {
            missing.add(name + ": --help does not say \"(env " + env.group(1) + ", default: …)\"");
          }
        }
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : List.of("serve", "index", "validate", "search", "suggest", "analyze")) {
      CommandLineTest.Run r = CommandLineTest.run(command, "--help");
      assertEquals(0, r.exit(), command);
      assertTrue(r.out().contains("Usage: partner-search " + command), r.out());
    }
  }

  @Test
  void serveBuildsOneConfigurationWithTheNamedDefaults() {
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve).parseArgs();
    ServiceConfig config = serve.config();
    ServiceConfig defaults = ServiceConfig.defaults();
    if (System.getenv().keySet().stream().noneMatch(k -> k.startsWith("PARTNER_SEARCH_"))) {
      assertEquals(defaults.toString(), config.toString());
    }
    assertEquals(
        Duration.ofSeconds(ServiceConfig.DEFAULT_SHUTDOWN_SECONDS), defaults.shutdownTimeout());
    assertTrue(!config.toString().contains("token=") || config.web().adminToken().isEmpty());
  }

  @Test
  void theAdminTokenComesFromTheEnvironmentOnlyAndAShortOneIsAUsageError() {
    CommandLineTest.Run asOption =
        CommandLineTest.run("serve", "--admin-token", "an-admin-token-for-tests");
    assertEquals(
        Main.USAGE_ERROR, asOption.exit(), "not an option: the process list would show it");
    assertTrue(
        asOption.err().contains("set PARTNER_SEARCH_ADMIN_TOKEN in the environment"),
        asOption.err());
    ServeCommand serve = new ServeCommand();
    serve.environment = java.util.Map.of("PARTNER_SEARCH_ADMIN_TOKEN", "an-admin-token-for-tests");
    new CommandLine(serve).parseArgs();
    assertEquals(
        java.util.Optional.of("an-admin-token-for-tests"), serve.config().web().adminToken());
    assertTrue(
        serve.config().toString().contains("admin=on")
            && !serve.config().toString().contains("for-tests"));

    ServeCommand shortToken = new ServeCommand();
    shortToken.environment = java.util.Map.of("PARTNER_SEARCH_ADMIN_TOKEN", "short");
    java.io.StringWriter err = new java.io.StringWriter();
    CommandLine cmd = Main.commandLine();
    CommandLine serveLine =
        new CommandLine(shortToken)
            .setParameterExceptionHandler(cmd.getParameterExceptionHandler())
            .setExecutionExceptionHandler(cmd.getExecutionExceptionHandler());
    serveLine.setErr(new java.io.PrintWriter(err, true));
    assertEquals(Main.USAGE_ERROR, serveLine.execute());
    assertTrue(
        err.toString().contains("at least 16 characters (PARTNER_SEARCH_ADMIN_TOKEN)"),
        err.toString());
  }

  @Test
  void suggestPrintsWhatTheWidgetWouldShow(@org.junit.jupiter.api.io.TempDir Path dir) {
    String index = dir.resolve("index").toString();
    assertEquals(0, CommandLineTest.run("index", "--index", index).exit());
    CommandLineTest.Run r = CommandLineTest.run("suggest", "--index", index, "Endl");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("*Endl*agerforschung"), r.out());
  }
}
