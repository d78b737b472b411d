package org.healthclaims.api.observe;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;

/**
 * Stored-procedure calls, counted like other statements. None of our queries makes one, so this rare path uses a JDK
 * proxy instead of writing out CallableStatement's hundred-odd methods.
 */
final class TimedCallableStatement {

    private TimedCallableStatement() {}

    static CallableStatement of(CallableStatement statement) {
        return (CallableStatement) Proxy.newProxyInstance(
                CallableStatement.class.getClassLoader(),
                new Class<?>[] {CallableStatement.class},
                (proxy, method, args) -> {
                    boolean executes = method.getName().startsWith("execute");
                    long started = System.nanoTime();
                    try {
                        return method.invoke(statement, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (executes) RequestTally.statementEnded(started);
                    }
                });
    }
}
