package org.threadline.app.governance;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that hands out the caller's one connection, in the caller's transaction, so that the stores'
 * readers and writers (which open, commit and close a connection of their own) take part in a rectification's
 * single transaction: close, commit, rollback and auto-commit changes by them do nothing; the caller commits or rolls
 * back the whole. An error in a store still fails the transaction, and the caller rolls it back.
 */
final class OneTransaction implements DataSource {
    private final Connection proxy;

    OneTransaction(Connection connection) {
        InvocationHandler handler = (p, method, args) -> {
            switch (method.getName()) {
                case "close", "commit", "rollback", "setAutoCommit", "setTransactionIsolation" -> {
                    return null;
                }
                case "getAutoCommit" -> {
                    return false;
                }
                case "isClosed" -> {
                    return connection.isClosed();
                }
                default -> {
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }
            }
        };
        this.proxy = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }

    @Override
    public Connection getConnection() {
        return proxy;
    }

    @Override
    public Connection getConnection(String username, String password) {
        return proxy;
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws java.sql.SQLException {
        throw new java.sql.SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
