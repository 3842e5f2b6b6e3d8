package org.smpolicy.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code ?at=} reads the ISO-8601 instants real clients send, and refuses what is not an instant. */
class InstantFormsTest {

    static final Instant AT = Instant.parse("2026-12-10T00:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-10T00:00:00Z", "2026-12-10T00:00Z", "2026-12-10T00:00:00.000Z", "2026-12-10T00:00:00+00:00",
            "2026-12-10T00:00:00.000000+0000", "2026-12-10T00:00:00+0000", "2026-12-10T00:00:00+00", "2026-12-10T00:00:00.000000 0000",
            "2026-12-10T00:00:00 00:00", "2026-12-10T01:00:00+01:00", "2026-12-10T01:00:00.000000+0100", "2026-12-10t00:00:00z"})
    void clientFormsAreTheSameInstant(String text) {
        assertThat(Wire.instant(text)).isEqualTo(AT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-10T00:00:00", "2026-12-10", "yesterday", "2026-13-10T00:00:00Z", "2026-02-30T00:00:00Z",
            "2026-12-10T00:00:00+25:00", "2026-12-10T00:00:00.0000000000Z", " 2026-12-10T00:00:00Z"})
    void whatIsNotAnInstantIsRefused(String text) {
        assertThatThrownBy(() -> Wire.instant(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void aLocalTimeIsNotAnInstant() {
        assertThatThrownBy(() -> Wire.instant("2026-12-10T00:00:00.000000")).isInstanceOf(DateTimeParseException.class);
    }
}
