/**
 * The nightly jobs a running installation does by itself (ADR 0037): retention as the agreements set it, a full
 * indicator run, and a verification of the whole audit log, so that rows past their retention go without anyone
 * remembering to run a command, flags and levels of need are never older than a day, and a tampered log is found by
 * the next morning. One server of several runs them (a PostgreSQL advisory lock).
 */
package org.threadline.app.nightly;
