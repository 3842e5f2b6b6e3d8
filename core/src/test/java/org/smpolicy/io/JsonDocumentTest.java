package org.smpolicy.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonDocumentTest {

    static final String TEXT = """
            {
              "name": "x",
              "list": [
                {"a": 1},
                {"a/b": 2,
                 "c": [true,
                       "secret"]}
              ]
            }
            """;

    @Test
    void everyValueKnowsItsLine() {
        JsonDocument doc = JsonDocument.parse(TEXT, "f.json");
        assertThat(doc.line("")).isEqualTo(1);
        assertThat(doc.line("/name")).isEqualTo(2);
        assertThat(doc.line("/list")).isEqualTo(3);
        assertThat(doc.line("/list/0")).isEqualTo(4);
        assertThat(doc.line("/list/1/a~1b")).isEqualTo(5);
        assertThat(doc.line("/list/1/c/1")).isEqualTo(7);
        // a pointer to nothing falls back to the value that encloses it
        assertThat(doc.line("/list/1/missing")).isEqualTo(5);
        assertThat(doc.place("$.list[1].c[1]")).isEqualTo("f.json:7: $.list[1].c[1]");
        assertThat(doc.root().get("list").get(1).get("c").get(1).asText()).isEqualTo("secret");
    }

    @Test
    void pathsBecomePointers() {
        assertThat(JsonDocument.pointer("$")).isEmpty();
        assertThat(JsonDocument.pointer("$.images[0].people[12].role")).isEqualTo("/images/0/people/12/role");
        assertThat(JsonDocument.escape("a/b~c")).isEqualTo("a~1b~0c");
        // keys that are not plain names: bracketed and quoted, as the request reader writes them
        assertThat(JsonDocument.pointer("$['images.0'][2]['it\\'s']")).isEqualTo("/images.0/2/it's");
        assertThat(JsonDocument.pointer("$.x['a/b'].y")).isEqualTo("/x/a~1b/y");
    }

    @Test
    void strictAndNeverQuotesTheContent() {
        assertThatThrownBy(() -> JsonDocument.parse("{\"a\": 1,\n\"a\": \"secret\"}", "f.json"))
                .isInstanceOf(JsonDocument.MalformedException.class).hasMessageStartingWith("f.json:2: duplicate key")
                .satisfies(e -> assertThat(((JsonDocument.MalformedException) e).line()).isEqualTo(2));
        assertThatThrownBy(() -> JsonDocument.parse("{\"a\": 1}\n{\"secret\": 2}", "f.json"))
                .hasMessageStartingWith("f.json:2: unexpected content after the document").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> JsonDocument.parse("{\"a\": secret}", "f.json"))
                .hasMessageStartingWith("f.json:1: malformed JSON").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> JsonDocument.parse("", "f.json")).hasMessage("f.json:1: empty document");
        assertThatThrownBy(() -> JsonDocument.parse("[".repeat(JsonDocument.MAX_DEPTH + 1), "f.json"))
                .hasMessageStartingWith("f.json:1: over a limit");
        assertThatThrownBy(() -> JsonDocument.parse("{\"a\": NaN}", "f.json")).hasMessageStartingWith("f.json:1: malformed JSON");
        assertThatThrownBy(() -> JsonDocument.parse("{\"a\": 1 // note\n}", "f.json")).hasMessageStartingWith("f.json:1: malformed JSON");
    }
}
