package io.rdswatch.simulator.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * What a backend answers to one request. Besides the items, it carries fault-injection directives
 * that only the protocol layer can carry out: a delay before the reply (which an ATTENTION must be
 * able to cut short), dropping the socket after N rows of the first result set, or closing the
 * connection after the reply (severity >= 20 errors).
 *
 * @param returnStatus RETURNSTATUS of a procedure call; null for plain statements
 * @param delayMillis wait this long before sending anything; 0 for none
 * @param dropAfterRows close the socket abruptly after sending this many rows; -1 for never
 * @param closeAfter close the connection once the reply is sent
 */
public record Reply(
    List<ReplyItem> items,
    Integer returnStatus,
    long delayMillis,
    int dropAfterRows,
    boolean closeAfter) {

  public Reply {
    items = List.copyOf(items);
  }

  public static Reply of(ReplyItem... items) {
    return new Reply(List.of(items), null, 0, -1, false);
  }

  public static Reply empty() {
    return of();
  }

  public static Reply error(SqlMessage error) {
    return of(error);
  }

  public Reply withReturnStatus(int status) {
    return new Reply(items, status, delayMillis, dropAfterRows, closeAfter);
  }

  public Reply withDelay(long millis) {
    return new Reply(items, returnStatus, millis, dropAfterRows, closeAfter);
  }

  public Reply withDropAfterRows(int rows) {
    return new Reply(items, returnStatus, delayMillis, rows, closeAfter);
  }

  public Reply withCloseAfter() {
    return new Reply(items, returnStatus, delayMillis, dropAfterRows, true);
  }

  /** Concatenates replies of the statements of one batch. */
  public Reply then(Reply next) {
    List<ReplyItem> all = new ArrayList<>(items);
    all.addAll(next.items);
    return new Reply(
        all,
        next.returnStatus != null ? next.returnStatus : returnStatus,
        Math.max(delayMillis, next.delayMillis),
        dropAfterRows >= 0 ? dropAfterRows : next.dropAfterRows,
        closeAfter || next.closeAfter);
  }

  public boolean hasError() {
    return items.stream().anyMatch(i -> i instanceof SqlMessage m && m.isError());
  }
}
