/**
 * Running several instances on one database: scheduled jobs that run once across instances (a lock row
 * per job in table {@code shedlock}, ShedLock's JDBC provider), and the jobs themselves. Web sessions
 * live in the database too (Spring Session JDBC, tables {@code spring_session*}), configured in
 * {@code application.properties}; nothing an instance needs is kept only in its own memory.
 */
package dev.authpack.operations;
