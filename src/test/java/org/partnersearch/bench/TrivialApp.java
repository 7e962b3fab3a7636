package org.partnersearch.bench;

import io.javalin.Javalin;
import java.util.Map;

/**
 * The smallest app on the same stack (Javalin, Jetty, Jackson): one endpoint with a fixed small
 * JSON body. Its time from process start to the first 200 is the yardstick for the server's start.
 *
 * <p>Arguments: {@code port}.
 */
public final class TrivialApp {
  private TrivialApp() {}

  public static void main(String[] args) {
    Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.routes.get("/api/ping", ctx -> ctx.json(Map.of("pong", true)));
            })
        .start("127.0.0.1", Integer.parseInt(args[0]));
  }
}
