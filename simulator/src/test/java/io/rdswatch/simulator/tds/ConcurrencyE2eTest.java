package io.rdswatch.simulator.tds;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many clients at once on one listener: each connection's replies stay its own. */
class ConcurrencyE2eTest {
  @RegisterExtension static final TestServer sim = new TestServer();

  @Test
  void twentyClientsInParallelEachGetTheirOwnAnswers() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int client = 0; client < 20; client++) {
        String me = "client-" + client;
        results.add(
            pool.submit(
                () -> {
                  int rows = 0;
                  try (Connection c = sim.connect();
                      PreparedStatement ps = c.prepareStatement("SELECT ?")) {
                    for (int i = 0; i < 5; i++) {
                      ps.setString(1, me + "/" + i);
                      try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).isEqualTo("String:" + me + "/" + i);
                      }
                    }
                    try (ResultSet rs = c.createStatement().executeQuery("select many")) {
                      while (rs.next()) {
                        rows++;
                      }
                    }
                  }
                  return rows;
                }));
      }
      for (Future<Integer> f : results) {
        assertThat(f.get()).isEqualTo(FixedBackend.MANY_ROWS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
