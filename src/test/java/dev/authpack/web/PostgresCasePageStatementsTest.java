package dev.authpack.web;

import dev.authpack.support.OnSharedPostgres;
import dev.authpack.support.StatementCount;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.context.annotation.Import;

/** The same count on PostgreSQL, where each round trip is paid over the network. */
@OnSharedPostgres
@Import(StatementCount.Wrapping.class)
@ResourceLock(StatementCount.LOG)
class PostgresCasePageStatementsTest extends CasePageStatementsTest {
}
