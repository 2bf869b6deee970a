package io.rdswatch.agent.http.security;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The names the agent answers to in the Host header. A page on another site that re-points its own
 * DNS name at 127.0.0.1 (DNS rebinding) sends that name as Host, so refusing unknown names keeps
 * browsers from reading the API. By default: loopback, the bind address, and when bound to every
 * interface, this machine's name and addresses; `http.allowedHosts` adds more (a load balancer's or
 * a Kubernetes Service's name).
 */
public final class AllowedHosts {

  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

  private final Set<String> names;

  private AllowedHosts(Set<String> names) {
    this.names = names;
  }

  public static AllowedHosts of(Collection<String> binds, Collection<String> configured) {
    Set<String> names = new HashSet<>(LOOPBACK);
    for (String bind : binds) {
      if (isWildcard(bind)) {
        addThisMachine(names);
      } else {
        names.add(bind);
      }
    }
    names.addAll(configured);
    Set<String> lower = new HashSet<>();
    names.forEach(n -> lower.add(n.toLowerCase(Locale.ROOT)));
    return new AllowedHosts(Collections.unmodifiableSet(lower));
  }

  /**
   * @param host the Host header's name, without the port
   */
  public boolean allows(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    return names.contains(h)
        || (h.startsWith("[") && names.contains(h.substring(1, h.length() - 1)));
  }

  private static boolean isWildcard(String bind) {
    return bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("[::]");
  }

  private static void addThisMachine(Set<String> names) {
    try {
      InetAddress local = InetAddress.getLocalHost();
      names.add(local.getHostName());
      names.add(local.getCanonicalHostName());
    } catch (UnknownHostException e) {
      // no name for this machine: its addresses below still answer
    }
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          String a = address.getHostAddress();
          int zone = a.indexOf('%');
          names.add(zone < 0 ? a : a.substring(0, zone));
        }
      }
    } catch (SocketException e) {
      // no interfaces listed: loopback and the configured names remain
    }
  }
}
