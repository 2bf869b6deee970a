package io.rdswatch.simulator;

import io.rdswatch.simulator.clock.SimClock;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How a {@link Simulator} runs its fleet.
 *
 * @param basePort instance i listens on basePort + i; 0 gives every instance a free port (tests)
 * @param bind the address to listen on (loopback by default)
 * @param user the master user of every instance
 * @param password its password
 * @param clock simulated time; null for real time sped up by {@code speed}, starting now
 * @param speed simulated seconds per real second when {@code clock} is null
 * @param tlsDir when set, listeners speak TLS with a fresh CA whose ca.pem and truststore.p12 go
 *     here
 */
public record SimulatorOptions(
    int basePort,
    InetAddress bind,
    String user,
    String password,
    SimClock clock,
    double speed,
    Path tlsDir) {
  public static final int DEFAULT_BASE_PORT = 14330;

  public SimulatorOptions {
    if (basePort < 0 || basePort > 65_535) {
      throw new IllegalArgumentException("base port must be 0-65535, got " + basePort);
    }
    Objects.requireNonNull(bind, "bind");
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException("the master user must not be empty");
    }
    Objects.requireNonNull(password, "password");
    if (clock == null && !(speed > 0 && Double.isFinite(speed))) {
      throw new IllegalArgumentException("speed must be a positive number, got " + speed);
    }
  }

  public SimulatorOptions(
      int basePort, InetAddress bind, String user, String password, SimClock clock, double speed) {
    this(basePort, bind, user, password, clock, speed, null);
  }

  /** Base port 14330 on 127.0.0.1, login admin/admin, real time. */
  public static SimulatorOptions defaults() {
    return new SimulatorOptions(
        DEFAULT_BASE_PORT, InetAddress.getLoopbackAddress(), "admin", "admin", null, 1);
  }

  /** Free ports on loopback, admin/admin, and the given (usually manual) clock. */
  public static SimulatorOptions forTests(SimClock clock) {
    return new SimulatorOptions(0, InetAddress.getLoopbackAddress(), "admin", "admin", clock, 1);
  }

  public SimulatorOptions withBasePort(int port) {
    return new SimulatorOptions(port, bind, user, password, clock, speed, tlsDir);
  }

  public SimulatorOptions withBind(InetAddress address) {
    return new SimulatorOptions(basePort, address, user, password, clock, speed, tlsDir);
  }

  public SimulatorOptions withLogin(String newUser, String newPassword) {
    return new SimulatorOptions(basePort, bind, newUser, newPassword, clock, speed, tlsDir);
  }

  public SimulatorOptions withClock(SimClock newClock) {
    return new SimulatorOptions(basePort, bind, user, password, newClock, speed, tlsDir);
  }

  public SimulatorOptions withSpeed(double newSpeed) {
    return new SimulatorOptions(basePort, bind, user, password, clock, newSpeed, tlsDir);
  }

  public SimulatorOptions withTlsDir(Path dir) {
    return new SimulatorOptions(basePort, bind, user, password, clock, speed, dir);
  }

  @Override
  public String toString() {
    return "SimulatorOptions[basePort="
        + basePort
        + ", bind="
        + bind.getHostAddress()
        + ", user="
        + user
        + ", speed="
        + speed
        + (tlsDir == null ? "" : ", tlsDir=" + tlsDir)
        + "]";
  }
}
