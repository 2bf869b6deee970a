package io.rdswatch.simulator.tds;

import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.engine.ReplyItem;
import io.rdswatch.simulator.engine.ResultSetData;
import io.rdswatch.simulator.engine.RowCount;
import io.rdswatch.simulator.engine.SqlMessage;
import java.util.List;

/**
 * Turns backend replies into one reply message. Statement-level DONEs are written with DONE_MORE;
 * when the message ends, the last DONE of a batch is made final in place, or a final DONE is
 * appended. A run of messages containing an error is closed by a DONE with the error bit. Inside an
 * RPC, statements end with DONEINPROC and the call with RETURNSTATUS, RETURNVALUEs, DONEPROC.
 */
final class ReplyEncoder {
  /** An OUTPUT parameter to report, with its TYPE_INFO and value already encoded. */
  record ReturnValue(int ordinal, String name, byte[] typeInfo, byte[] value) {}

  private final TdsBuffer out = new TdsBuffer(1024);
  private int lastDoneStatusAt = -1;
  private int dropMark = -1;

  TdsBuffer buffer() {
    return out;
  }

  /** Where to cut the message when a reply asked to drop the connection; -1 when none did. */
  int dropMark() {
    return dropMark;
  }

  void databaseChanged(String newDb, String oldDb) {
    TokenWriter.envChangeDatabase(out, newDb, oldDb);
    lastDoneStatusAt = -1;
  }

  void batch(Reply reply) {
    items(reply, Tds.TOKEN_DONE);
  }

  /** Ends a SQL_BATCH reply: a batch that returned nothing still ends with a DONE. */
  void finishBatch() {
    if (lastDoneStatusAt >= 0) {
      out.putU16At(lastDoneStatusAt, out.u16At(lastDoneStatusAt) & ~Tds.DONE_MORE);
    } else {
      done(Tds.TOKEN_DONE, Tds.DONE_FINAL, Tds.CMD_NONE, 0);
    }
  }

  /** One RPC: its statements' items, RETURNSTATUS, the OUTPUT values, DONEPROC. */
  void rpc(Reply reply, List<ReturnValue> returnValues, boolean moreFollow) {
    items(reply, Tds.TOKEN_DONEINPROC);
    finishRpc(
        reply.returnStatus() == null ? 0 : reply.returnStatus(),
        returnValues,
        reply.hasError(),
        moreFollow);
  }

  void finishRpc(
      int returnStatus, List<ReturnValue> returnValues, boolean error, boolean moreFollow) {
    TokenWriter.returnStatus(out, returnStatus);
    for (ReturnValue v : returnValues) {
      TokenWriter.returnValue(out, v.ordinal(), v.name(), v.typeInfo(), v.value());
    }
    int status = (moreFollow ? Tds.DONE_MORE : 0) | (error ? Tds.DONE_ERROR : 0);
    done(Tds.TOKEN_DONEPROC, status, Tds.CMD_NONE, 0);
  }

  private void items(Reply reply, int doneToken) {
    int replyStart = out.size();
    boolean markDrop = dropMark < 0 && reply.dropAfterRows() >= 0;
    boolean errorPending = false;
    for (ReplyItem item : reply.items()) {
      if (item instanceof SqlMessage m) {
        TokenWriter.message(out, m);
        lastDoneStatusAt = -1;
        errorPending |= m.isError();
        continue;
      }
      if (errorPending) {
        done(doneToken, Tds.DONE_MORE | Tds.DONE_ERROR, Tds.CMD_NONE, 0);
        errorPending = false;
      }
      if (item instanceof ResultSetData rs) {
        TokenWriter.colMetadata(out, rs.columns());
        List<Object[]> rows = rs.rows();
        for (int i = 0; i < rows.size(); i++) {
          if (markDrop && i == reply.dropAfterRows()) {
            dropMark = out.size();
            markDrop = false;
          }
          TokenWriter.row(out, rs.columns(), rows.get(i));
        }
        if (markDrop) {
          dropMark = out.size();
          markDrop = false;
        }
        done(doneToken, Tds.DONE_MORE | Tds.DONE_COUNT, Tds.CMD_SELECT, rows.size());
      } else if (item instanceof RowCount rc) {
        done(doneToken, Tds.DONE_MORE | Tds.DONE_COUNT, Tds.CMD_UPDATE, rc.count());
      }
    }
    if (errorPending) {
      done(doneToken, Tds.DONE_MORE | Tds.DONE_ERROR, Tds.CMD_NONE, 0);
    }
    if (markDrop) {
      dropMark = replyStart; // no result set to cut into: drop before this reply
    }
  }

  private void done(int token, int status, int curCmd, long count) {
    lastDoneStatusAt = TokenWriter.done(out, token, status, curCmd, count);
  }
}
