package io.wellbase.platform.internal.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * C0 control characters other than tab, carriage return and line feed have no business in text a
 * person typed; PostgreSQL refuses NUL outright. They are refused where input arrives: JSON strings,
 * query parameters, path variables and multipart file names.
 */
final class ControlCharacters {

    static final String MESSAGE = "must not contain control characters";

    private ControlCharacters() {}

    static boolean contains(String value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    /** A JSON string with a control character; the handler names the field from its path. */
    static final class InJsonException extends MismatchedInputException {

        InJsonException(JsonParser parser) {
            super(parser, "String contains a control character");
        }
    }

    /** Reads strings as Jackson does, then refuses control characters. */
    static final class CheckedStringDeserializer extends StdScalarDeserializer<String> {

        CheckedStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (contains(value)) {
                throw new InJsonException(p);
            }
            return value;
        }
    }
}
