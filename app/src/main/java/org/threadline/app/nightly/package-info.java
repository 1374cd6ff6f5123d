/**
 * The nightly jobs a running installation does by itself (ADR 0037): retention as the agreements set it, then a full
 * indicator run, so that rows past their retention go without anyone remembering to run a command, and flags and
 * levels of need are never older than a day. One server of several runs them (a PostgreSQL advisory lock).
 */
package org.threadline.app.nightly;
