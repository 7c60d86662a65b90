package org.saddle.app.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Iterator;

/**
 * Exact one-line encoding of a unit's result for the journal: a compact JSON array of values written and
 * read back in the same order. Finite doubles are JSON numbers in their shortest round-trip form
 * ({@link Double#toString}), NaN and the infinities are strings; every double comes back bit for bit.
 */
public final class Payload {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Payload() {}

    public static Writer writer() {
        return new Writer();
    }

    public static Reader reader(String text) {
        return new Reader(text);
    }

    /** Appends values in order; {@link #toString()} is the payload. */
    public static final class Writer {
        private final ArrayNode array = JSON.createArrayNode();

        public Writer add(double value) {
            if (Double.isFinite(value)) {
                array.add(value);
            } else {
                array.add(Double.toString(value));
            }
            return this;
        }

        public Writer add(long value) {
            array.add(value);
            return this;
        }

        public Writer add(boolean value) {
            array.add(value);
            return this;
        }

        public Writer add(String value) {
            array.add(value);
            return this;
        }

        /** A string that may be null: whether it is present, then the string if it is. */
        public Writer addNullable(String value) {
            add(value != null);
            return value != null ? add(value) : this;
        }

        /** The length, then the values. */
        public Writer add(double[] values) {
            add(values.length);
            for (double v : values) {
                add(v);
            }
            return this;
        }

        @Override
        public String toString() {
            try {
                return JSON.writeValueAsString(array);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot encode a payload", e);
            }
        }
    }

    /** Reads the values back in the order they were written; every mismatch is an {@link IllegalArgumentException}. */
    public static final class Reader {
        private final String text;
        private final Iterator<JsonNode> values;

        Reader(String text) {
            this.text = text;
            JsonNode root;
            try {
                root = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("payload is not a JSON array: " + text, e);
            }
            if (root == null || !root.isArray()) {
                throw new IllegalArgumentException("payload is not a JSON array: " + text);
            }
            values = root.elements();
        }

        private JsonNode next(String what) {
            if (!values.hasNext()) {
                throw new IllegalArgumentException("payload ends before its " + what + ": " + text);
            }
            return values.next();
        }

        public double nextDouble() {
            JsonNode node = next("number");
            if (node.isTextual()) {
                double v = Double.parseDouble(node.asText());
                if (Double.isFinite(v)) {
                    throw new IllegalArgumentException("finite number written as text in payload: " + text);
                }
                return v;
            }
            if (!node.isNumber()) {
                throw new IllegalArgumentException("expected a number, found " + node + " in payload: " + text);
            }
            return node.doubleValue();
        }

        public long nextLong() {
            JsonNode node = next("integer");
            if (!node.isIntegralNumber()) {
                throw new IllegalArgumentException("expected an integer, found " + node + " in payload: " + text);
            }
            return node.longValue();
        }

        public int nextInt() {
            return Math.toIntExact(nextLong());
        }

        public boolean nextBoolean() {
            JsonNode node = next("boolean");
            if (!node.isBoolean()) {
                throw new IllegalArgumentException("expected a boolean, found " + node + " in payload: " + text);
            }
            return node.booleanValue();
        }

        public String nextString() {
            JsonNode node = next("string");
            if (!node.isTextual()) {
                throw new IllegalArgumentException("expected a string, found " + node + " in payload: " + text);
            }
            return node.asText();
        }

        /** The inverse of {@link Writer#addNullable}. */
        public String nextNullableString() {
            return nextBoolean() ? nextString() : null;
        }

        public double[] nextDoubles() {
            int n = nextInt();
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = nextDouble();
            }
            return values;
        }

        /** Checks that every value was read. */
        public void end() {
            if (values.hasNext()) {
                throw new IllegalArgumentException("payload has more values than expected: " + text);
            }
        }
    }
}
