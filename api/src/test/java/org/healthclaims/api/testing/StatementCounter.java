package org.healthclaims.api.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A counting JDBC proxy around the application's DataSource: every statement the server executes, whatever code
 * path sent it, is counted and its SQL kept, so tests can prove that a page costs a constant number of statements.
 */
public final class StatementCounter {

    private final List<String> executed = new ArrayList<>();

    /** Registers the counter and wraps the server's DataSource with it. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        StatementCounter statementCounter() {
            return new StatementCounter();
        }

        @Bean
        static BeanPostProcessor countingDataSource(
                org.springframework.beans.factory.ObjectProvider<StatementCounter> counter) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource ds && beanName.equals("dataSource")
                            ? counter.getObject().wrap(ds)
                            : bean;
                }
            };
        }
    }

    public synchronized void reset() {
        executed.clear();
    }

    public synchronized int count() {
        return executed.size();
    }

    public synchronized List<String> statements() {
        return List.copyOf(executed);
    }

    private synchronized void record(String sql) {
        executed.add(sql);
    }

    DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (method, args, result) -> {
            if (result instanceof Connection c) return proxy(Connection.class, c, this::onConnectionCall);
            return result;
        });
    }

    private Object onConnectionCall(Method method, Object[] args, Object result) {
        String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
        return switch (result) {
            case null -> null;
            case CallableStatement cs -> proxy(CallableStatement.class, cs, onStatement(sql));
            case PreparedStatement ps -> proxy(PreparedStatement.class, ps, onStatement(sql));
            case Statement st -> proxy(Statement.class, st, onStatement(null));
            default -> result;
        };
    }

    private AfterCall onStatement(String preparedSql) {
        return (method, args, result) -> {
            if (method.getName().startsWith("execute")) {
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : preparedSql;
                record(sql == null ? "<unknown>" : sql);
            }
            return result;
        };
    }

    @FunctionalInterface
    private interface AfterCall {
        Object after(Method method, Object[] args, Object result) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, AfterCall after) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return after.after(method, args, result);
        });
    }
}
