package org.smpolicy.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The official feed, read strictly, used for the years it covers, refused when it drops a known holiday. */
class HolidayFeedTest {

    static String feed(List<String> days, String extra) {
        String events = days.stream().map(d -> "{\"title\":\"Holiday\",\"date\":\"" + d + "\",\"notes\":\"\",\"bunting\":true}")
                .collect(Collectors.joining(","));
        return "{\"england-and-wales\":{\"division\":\"england-and-wales\",\"events\":[" + events + extra + "]},"
                + "\"scotland\":{\"division\":\"scotland\",\"events\":[]}}";
    }

    static List<String> computed2026() {
        return BankHolidays.englandAndWales(2026).keySet().stream().map(LocalDate::toString).toList();
    }

    @Test
    void aCompleteFeedIsUsedAndMayAddAOneOffDay() {
        HolidayFeed f = HolidayFeed.parse(feed(computed2026(), ",{\"title\":\"A one-off\",\"date\":\"2026-06-15\",\"notes\":\"\",\"bunting\":true}"), "feed.json");
        WorkingCalendar c = WorkingCalendar.englandAndWales().withHolidays(f);
        assertThat(c.isWorkingDay(LocalDate.of(2026, 6, 15))).isFalse();
        assertThat(c.whyNotWorking(LocalDate.of(2026, 6, 15))).hasValue("A one-off");
        assertThat(c.isWorkingDay(LocalDate.of(2026, 12, 28))).isFalse();
        // Years the feed does not cover are computed.
        assertThat(c.isWorkingDay(LocalDate.of(2027, 12, 27))).isFalse();
        assertThat(WorkingCalendar.englandAndWales().isWorkingDay(LocalDate.of(2026, 6, 15))).isTrue();
    }

    @Test
    void aFeedThatDropsAKnownHolidayIsRefused() {
        List<String> days = computed2026().stream().filter(d -> !d.equals("2026-12-28")).toList();
        assertThatThrownBy(() -> HolidayFeed.parse(feed(days, ""), "feed.json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feed.json: the feed drops Boxing Day (substitute day) on 2026-12-28");
    }

    @Test
    void badFeedsNameThePath() {
        // the line of each offending key, from the parser (a text search would find "date" in the title on line 3)
        String feed = "{\"england-and-wales\": {\"events\": [\n"
                + "  {\"title\": \"New Year's Day\", \"date\": \"2026-01-01\"},\n"
                + "  {\"title\": \"a date\",\n"
                + "   \"colour\": 1,\n"
                + "   \"date\": \"2026-13-01\"}\n"
                + "]}}";
        assertThatThrownBy(() -> HolidayFeed.parse(feed, "f.json"))
                .hasMessageContaining("f.json:4: $.england-and-wales.events[1].colour: unknown field")
                .hasMessageContaining("f.json:5: $.england-and-wales.events[1].date: `2026-13-01` is not a date");
        assertThatThrownBy(() -> HolidayFeed.parse("{\"a\": 1,\n \"a\": 2}", "f.json")).hasMessageStartingWith("f.json:2: duplicate key");
        assertThatThrownBy(() -> HolidayFeed.parse("{\"scotland\":{}}", "f.json")).hasMessageContaining("an `england-and-wales` division");
        assertThatThrownBy(() -> HolidayFeed.parse("{", "f.json")).hasMessageContaining("f.json:1: malformed JSON");
    }
}
