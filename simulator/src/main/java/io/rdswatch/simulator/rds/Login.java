package io.rdswatch.simulator.rds;

import java.util.Objects;
import java.util.Set;

/**
 * A SQL login. The master user has every right; other logins may use only the msdb objects they
 * were granted: EXECUTE on a procedure ({@code executeGrants}), SELECT on a table-valued function
 * such as rds_fn_task_status ({@code selectGrants}); "*" grants all of one kind.
 */
public record Login(
    String name,
    String password,
    boolean master,
    Set<String> executeGrants,
    Set<String> selectGrants) {

  public Login {
    Objects.requireNonNull(name, "login name");
    Objects.requireNonNull(password, "password of login " + name);
    executeGrants = executeGrants == null ? Set.of() : Set.copyOf(executeGrants);
    selectGrants = selectGrants == null ? Set.of() : Set.copyOf(selectGrants);
  }

  public Login(String name, String password, boolean master, Set<String> executeGrants) {
    this(name, password, master, executeGrants, Set.of());
  }

  public static Login master(String name, String password) {
    return new Login(name, password, true, Set.of("*"), Set.of("*"));
  }

  public boolean mayExecute(String procedure) {
    return master || granted(executeGrants, procedure);
  }

  public boolean maySelect(String function) {
    return master || granted(selectGrants, function);
  }

  private static boolean granted(Set<String> grants, String object) {
    return grants.contains("*") || grants.stream().anyMatch(g -> g.equalsIgnoreCase(object));
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return "Login["
        + name
        + (master ? ", master" : ", execute=" + executeGrants + ", select=" + selectGrants)
        + "]";
  }
}
