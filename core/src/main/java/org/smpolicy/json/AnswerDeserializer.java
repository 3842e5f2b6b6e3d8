package org.smpolicy.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import org.smpolicy.model.Answer;

/** Reads an {@link Answer} from {@code true}, {@code false} or one of {@code "YES"}, {@code "NO"}, {@code "UNKNOWN"}. */
final class AnswerDeserializer extends StdDeserializer<Answer> {
    private static final long serialVersionUID = 1L;

    AnswerDeserializer() {
        super(Answer.class);
    }

    @Override
    public Answer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE) {
            return Answer.YES;
        }
        if (t == JsonToken.VALUE_FALSE) {
            return Answer.NO;
        }
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText();
            for (Answer a : Answer.values()) {
                if (a.name().equals(s)) {
                    return a;
                }
            }
            return (Answer) ctxt.handleWeirdStringValue(Answer.class, s,
                    "expected true, false, \"YES\", \"NO\" or \"UNKNOWN\"");
        }
        return (Answer) ctxt.handleUnexpectedToken(Answer.class, p);
    }

    @Override
    public Answer getNullValue(DeserializationContext ctxt) {
        return Answer.UNKNOWN;
    }
}
