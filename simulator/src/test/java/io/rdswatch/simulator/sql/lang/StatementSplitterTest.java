package io.rdswatch.simulator.sql.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rdswatch.simulator.rds.SqlFailure;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

  private static List<String> split(String batch) {
    return StatementSplitter.split(batch).stream().map(SqlStatement::text).toList();
  }

  @Test
  void splitsOnSemicolonsAndOnNewLinesThatStartAStatement() {
    assertThat(split("SET NOCOUNT ON;\nSELECT 1")).containsExactly("SET NOCOUNT ON", "SELECT 1");
    assertThat(split("SET NOCOUNT ON\nexec msdb.dbo.rds_task_status @db_name='x'"))
        .containsExactly("SET NOCOUNT ON", "exec msdb.dbo.rds_task_status @db_name='x'");
    assertThat(split("EXEC sp_unprepare 5;EXEC sp_unprepare 6;"))
        .containsExactly("EXEC sp_unprepare 5", "EXEC sp_unprepare 6");
  }

  @Test
  void keepsMultiLineStatementsWhole() {
    String select =
        "SELECT name,\n  state_desc\nFROM sys.databases\nWHERE name = @P0\nORDER BY name";
    assertThat(split(select)).containsExactly(select);
    assertThat(split("SELECT name FROM sys.databases WHERE database_id IN (\nSELECT 1)"))
        .hasSize(1);
    assertThat(split("UPDATE t\nSET x = 1")).hasSize(1);
  }

  @Test
  void neverSplitsInsideQuotesBracketsOrComments() {
    assertThat(split("SELECT 'a;b\nSELECT c' AS [x;\nSELECT]")).hasSize(1);
    assertThat(split("SELECT 1 -- ; SELECT 2\n")).containsExactly("SELECT 1");
    assertThat(split("/* ; */ SELECT 1; /* SELECT\n2 */")).hasSize(1);
    assertThat(split("SELECT N'it''s; fine'")).containsExactly("SELECT N'it''s; fine'");
  }

  @Test
  void anIfTakesTheStatementOnItsNextLineAsItsBody() {
    assertThat(split("IF @@TRANCOUNT > 0\nCOMMIT TRAN\nSELECT 1"))
        .containsExactly("IF @@TRANCOUNT > 0\nCOMMIT TRAN", "SELECT 1");
    assertThat(split("IF @@TRANCOUNT > 0 ROLLBACK TRAN\nSELECT 1")).hasSize(2);
  }

  @Test
  void lexesLiteralsParametersAndNames() {
    List<Token> t = Lexer.tokenize("exec [msdb]..rds_x @a=N'O''Neil', @b = -5, @P0, 'x'");
    assertThat(t)
        .extracting(Token::kind)
        .startsWith(Token.Kind.WORD, Token.Kind.QUOTED_ID, Token.Kind.SYMBOL);
    assertThat(t)
        .filteredOn(k -> k.kind() == Token.Kind.STRING)
        .extracting(Token::text)
        .containsExactly("O'Neil", "x");
    assertThat(t)
        .filteredOn(k -> k.kind() == Token.Kind.PARAM)
        .extracting(Token::text)
        .containsExactly("@a", "@b", "@P0");
    assertThat(new TokenCursor(Lexer.tokenize("[msdb]..rds_x")).objectName().parts())
        .containsExactly("msdb", "", "rds_x");
  }

  @Test
  void anUnclosedQuoteIsSqlServersError105() {
    assertThatThrownBy(() -> split("SELECT 'oops"))
        .isInstanceOf(SqlFailure.class)
        .satisfies(e -> assertThat(((SqlFailure) e).error().number()).isEqualTo(105));
  }
}
