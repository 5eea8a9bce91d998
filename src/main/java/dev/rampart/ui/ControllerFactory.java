package dev.rampart.ui;

import javafx.util.Callback;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Creates FXML controllers by constructor injection: each controller class is registered with a supplier
 * that calls its constructor. FXML asking for an unregistered controller fails loudly.
 */
public final class ControllerFactory implements Callback<Class<?>, Object> {
    private final Map<Class<?>, Supplier<?>> suppliers = new HashMap<>();

    public <C> ControllerFactory register(Class<C> type, Supplier<? extends C> supplier) {
        suppliers.put(Objects.requireNonNull(type), Objects.requireNonNull(supplier));
        return this;
    }

    @Override
    public Object call(Class<?> type) {
        Supplier<?> supplier = suppliers.get(type);
        if (supplier == null) {
            throw new IllegalStateException("No controller registered for " + type.getName());
        }
        return supplier.get();
    }
}
