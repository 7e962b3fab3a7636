package org.partnersearch.web;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.Container;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Cuts off clients that send a request too slowly. Jetty's idle timeout restarts with every byte,
 * so a client that sends its headers one byte a second would keep its connection for as long as it
 * likes (slowloris); Jetty has no timeout for reading a request's head. So each connection is
 * looked at every {@link #CHECK_EVERY}: a connection that received bytes but no complete request
 * during two checks in a row is closed, which ends a dribbled request within {@code 2 ×
 * CHECK_EVERY}. A request being answered receives no bytes and is left alone; so is a client that
 * sends whole requests, however many.
 *
 * <p>Installed as a listener of the server: every connector added to it gets the shorter idle
 * timeout and this check.
 */
final class SlowClients implements Container.Listener {
  static final Duration CHECK_EVERY = Duration.ofSeconds(5);

  /** A connection that sends nothing at all is closed after this (Jetty's default is 30 s). */
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);

  @Override
  public void beanAdded(Container parent, Object child) {
    if (child instanceof ServerConnector connector) {
      connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
      connector.addEventListener(new Watch(connector));
    }
  }

  @Override
  public void beanRemoved(Container parent, Object child) {}

  /** Starts a check for each connection the connector opens. */
  private static final class Watch implements Connection.Listener {
    private final ServerConnector connector;

    Watch(ServerConnector connector) {
      this.connector = connector;
    }

    @Override
    public void onOpened(Connection connection) {
      new Check(connection, connector.getScheduler()).schedule();
    }
  }

  /** The periodic look at one connection. */
  private static final class Check implements Runnable {
    private final Connection connection;
    private final Scheduler scheduler;
    private long bytes;
    private long messages;
    private int slowChecks;

    Check(Connection connection, Scheduler scheduler) {
      this.connection = connection;
      this.scheduler = scheduler;
    }

    void schedule() {
      scheduler.schedule(this, CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void run() {
      if (!connection.getEndPoint().isOpen()) {
        return;
      }
      long bytesNow = connection.getBytesIn();
      long messagesNow = connection.getMessagesIn();
      boolean dribbling = bytesNow > bytes && messagesNow == messages;
      slowChecks = dribbling ? slowChecks + 1 : 0;
      bytes = bytesNow;
      messages = messagesNow;
      if (slowChecks >= 2) {
        connection.getEndPoint().close();
        return;
      }
      schedule();
    }
  }
}
