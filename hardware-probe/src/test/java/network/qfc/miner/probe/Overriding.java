package network.qfc.miner.probe;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Test stand-ins for hardware this build machine lacks: the real OSHI object answers everything except the named
 * methods, which answer what a virtual machine, a laptop or a GPU box would.
 */
final class Overriding {
    private Overriding() {
    }

    static <T> T of(Class<T> type, T real, Map<String, Supplier<Object>> answers) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            Supplier<Object> answer = answers.get(method.getName());
            if (answer != null) {
                return answer.get();
            }
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> p == args[0];
                    case "hashCode" -> System.identityHashCode(p);
                    default -> "stand-in " + type.getSimpleName();
                };
            }
            if (real == null) {
                throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        return type.cast(proxy);
    }

    /** A stand-in with no real object behind it: only the named methods answer. */
    static <T> T only(Class<T> type, Map<String, Supplier<Object>> answers) {
        return of(type, null, answers);
    }
}
