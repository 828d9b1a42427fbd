/**
 * Canned reports: the catalog of {@code sql-reports/*.sql}, the binding of their psql variables to
 * jOOQ bind values, their execution and their rendering as a table, CSV or JSON. The files are the
 * single definition: psql runs them as they are, and so does {@link io.convosowarehouse.report.ReportRunner}.
 */
package io.convosowarehouse.report;
