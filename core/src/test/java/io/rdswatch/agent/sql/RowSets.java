package io.rdswatch.agent.sql;

import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import javax.sql.rowset.CachedRowSet;
import javax.sql.rowset.RowSetMetaDataImpl;
import javax.sql.rowset.RowSetProvider;

/**
 * Builds an in-memory JDBC ResultSet (the JDK's CachedRowSet) with chosen column labels and values.
 */
final class RowSets {

  private RowSets() {}

  static CachedRowSet of(List<String> labels, List<Object[]> rows) throws SQLException {
    RowSetMetaDataImpl meta = new RowSetMetaDataImpl();
    meta.setColumnCount(labels.size());
    for (int i = 0; i < labels.size(); i++) {
      meta.setColumnLabel(i + 1, labels.get(i));
      meta.setColumnName(i + 1, labels.get(i));
      meta.setColumnType(i + 1, Types.JAVA_OBJECT);
    }
    CachedRowSet rs = RowSetProvider.newFactory().createCachedRowSet();
    rs.setMetaData(meta);
    for (Object[] row : rows) {
      rs.moveToInsertRow();
      for (int i = 0; i < row.length; i++) {
        rs.updateObject(i + 1, row[i]);
      }
      rs.insertRow();
    }
    rs.moveToCurrentRow();
    rs.beforeFirst();
    return rs;
  }
}
