package lif.kernel;

import java.util.List;

/** How a cell ended: with a value to show (or none), or with an error to show. */
final class CellResult {

    /** Nothing to show: the last snippet was not an expression, or its value was null. */
    static final Object NO_VALUE = new Object();

    final Object value;
    final String errorName;
    final String errorValue;
    final List<String> traceback;

    private CellResult(Object value, String errorName, String errorValue, List<String> traceback) {
        this.value = value;
        this.errorName = errorName;
        this.errorValue = errorValue;
        this.traceback = traceback;
    }

    static CellResult value(Object value) {
        return new CellResult(value == null ? NO_VALUE : value, null, null, List.of());
    }

    static CellResult none() {
        return new CellResult(NO_VALUE, null, null, List.of());
    }

    /** An error: its name, a one-line message and the lines the notebook shows. */
    static CellResult error(String name, String message, List<String> lines) {
        return new CellResult(null, name, message, List.copyOf(lines));
    }

    boolean isError() {
        return errorName != null;
    }

    boolean hasValue() {
        return !isError() && value != NO_VALUE;
    }
}
