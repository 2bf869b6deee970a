package io.rdswatch.simulator.tds;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The statements the driver sends on its own reach the backend, and their effects come back. */
class SessionE2eTest {
  @RegisterExtension static final TestServer sim = new TestServer();

  @Test
  void transactionControlReachesTheBackend() throws Exception {
    try (Connection c = sim.connect()) {
      int spid = spidOf(c);
      c.setAutoCommit(false);
      c.commit();
      c.rollback();
      c.setAutoCommit(true);
      List<String> sent =
          sim.backend.calls.stream()
              .filter(x -> x.spid() == spid)
              .map(FixedBackend.Call::sql)
              .toList();
      assertThat(sent)
          .anySatisfy(s -> assertThat(s).containsIgnoringCase("implicit_transactions on"));
      assertThat(sent)
          .anySatisfy(s -> assertThat(s).isEqualToIgnoringCase("IF @@TRANCOUNT > 0 COMMIT TRAN"));
      assertThat(sent)
          .anySatisfy(s -> assertThat(s).isEqualToIgnoringCase("IF @@TRANCOUNT > 0 ROLLBACK TRAN"));
      assertThat(sent)
          .anySatisfy(s -> assertThat(s).containsIgnoringCase("implicit_transactions off"));
    }
  }

  @Test
  void setCatalogReachesTheBackendAndTheDatabaseChangeComesBack() throws Exception {
    try (Connection c = sim.connect()) {
      assertThat(c.getCatalog()).isEqualTo("master");
      c.setCatalog("sales");
      assertThat(sim.backend.calls).anySatisfy(x -> assertThat(x.sql()).isEqualTo("use [sales]"));
      assertThat(c.getCatalog()).isEqualTo("sales");
      // the ENVCHANGE, not the driver's own bookkeeping: a USE inside a batch updates it too
      c.createStatement().execute("use [hr]");
      assertThat(c.getCatalog()).isEqualTo("hr");
    }
  }

  private static int spidOf(Connection c) throws Exception {
    c.createStatement().execute("SELECT 1");
    return sim.backend.calls.get(sim.backend.calls.size() - 1).spid();
  }
}
