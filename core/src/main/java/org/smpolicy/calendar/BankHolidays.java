package org.smpolicy.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * England and Wales bank holidays, computed for any year from 1971 (the Banking and Financial
 * Dealings Act) to 9999: Good Friday, Easter Monday, the spring and summer bank holidays,
 * Christmas Day and Boxing Day from 1971, New Year's Day from 1974 and the early May bank holiday
 * from 1978, with substitute days when they fall at a weekend, the years the May holidays moved
 * (1977, 1995, 2002, 2012, 2020, 2022) and the one-off holidays (1973 and 1981 royal weddings,
 * 1977 Silver Jubilee, 1999 Millennium, 2002 and 2012 jubilees, 2011 royal wedding, 2022 platinum
 * jubilee and state funeral, 2023 coronation). Years before 1971 are refused with a message: the
 * holidays of the Bank Holidays Act 1871 are not modelled.
 */
public final class BankHolidays {

    private static final Map<Integer, SortedMap<LocalDate, String>> CACHE = new ConcurrentHashMap<>();

    private BankHolidays() {
    }

    /**
     * @param year a year from 1971 to 9999
     * @return the year's bank holidays, date to name, in date order
     * @throws IllegalArgumentException for other years
     */
    public static SortedMap<LocalDate, String> englandAndWales(int year) {
        if (year < 1971 || year > 9999) {
            throw new IllegalArgumentException("no England and Wales bank holidays for year `" + year + "`: supported years are 1971 to 9999");
        }
        return CACHE.computeIfAbsent(year, BankHolidays::compute);
    }

    /**
     * @param day a date
     * @return whether it is an England and Wales bank holiday
     */
    public static boolean isBankHoliday(LocalDate day) {
        return englandAndWales(day.getYear()).containsKey(day);
    }

    /**
     * @param day a date
     * @return the bank holiday's name, if the date is one
     */
    public static Optional<String> name(LocalDate day) {
        return Optional.ofNullable(englandAndWales(day.getYear()).get(day));
    }

    /**
     * Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm).
     *
     * @param year the year
     * @return Easter Sunday
     */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private static SortedMap<LocalDate, String> compute(int year) {
        SortedMap<LocalDate, String> h = new TreeMap<>();
        LocalDate newYear = LocalDate.of(year, Month.JANUARY, 1);
        if (year < 1974) {
            // New Year's Day became a bank holiday in England and Wales only in 1974.
        } else if (isWeekend(newYear)) {
            h.put(newYear.with(TemporalAdjusters.next(DayOfWeek.MONDAY)), "New Year's Day (substitute day)");
        } else {
            h.put(newYear, "New Year's Day");
        }
        LocalDate easter = easterSunday(year);
        h.put(easter.minusDays(2), "Good Friday");
        h.put(easter.plusDays(1), "Easter Monday");
        if (year >= 1978) {
            LocalDate earlyMay = switch (year) {
                case 1995, 2020 -> LocalDate.of(year, Month.MAY, 8);
                default -> LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
            };
            h.put(earlyMay, "Early May bank holiday");
        }
        LocalDate spring = switch (year) {
            case 1977 -> LocalDate.of(1977, Month.JUNE, 6);
            case 2002 -> LocalDate.of(2002, Month.JUNE, 4);
            case 2012 -> LocalDate.of(2012, Month.JUNE, 4);
            case 2022 -> LocalDate.of(2022, Month.JUNE, 2);
            default -> LocalDate.of(year, Month.MAY, 31).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY));
        };
        h.put(spring, "Spring bank holiday");
        h.put(LocalDate.of(year, Month.AUGUST, 31).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)), "Summer bank holiday");
        LocalDate christmas = LocalDate.of(year, Month.DECEMBER, 25);
        LocalDate boxing = christmas.plusDays(1);
        switch (christmas.getDayOfWeek()) {
            case FRIDAY -> {
                h.put(christmas, "Christmas Day");
                h.put(christmas.plusDays(3), "Boxing Day (substitute day)");
            }
            case SATURDAY -> {
                h.put(christmas.plusDays(2), "Christmas Day (substitute day)");
                h.put(christmas.plusDays(3), "Boxing Day (substitute day)");
            }
            case SUNDAY -> {
                h.put(boxing, "Boxing Day");
                h.put(christmas.plusDays(2), "Christmas Day (substitute day)");
            }
            default -> {
                h.put(christmas, "Christmas Day");
                h.put(boxing, "Boxing Day");
            }
        }
        switch (year) {
            case 1973 -> h.put(LocalDate.of(1973, 11, 14), "Royal Wedding (Princess Anne)");
            case 1977 -> h.put(LocalDate.of(1977, 6, 7), "Silver Jubilee bank holiday");
            case 1981 -> h.put(LocalDate.of(1981, 7, 29), "Royal Wedding");
            case 1999 -> h.put(LocalDate.of(1999, 12, 31), "Millennium Day");
            case 2002 -> h.put(LocalDate.of(2002, 6, 3), "Golden Jubilee bank holiday");
            case 2011 -> h.put(LocalDate.of(2011, 4, 29), "Royal Wedding");
            case 2012 -> h.put(LocalDate.of(2012, 6, 5), "Diamond Jubilee bank holiday");
            case 2022 -> {
                h.put(LocalDate.of(2022, 6, 3), "Platinum Jubilee bank holiday");
                h.put(LocalDate.of(2022, 9, 19), "State Funeral of Queen Elizabeth II");
            }
            case 2023 -> h.put(LocalDate.of(2023, 5, 8), "Coronation of King Charles III");
            default -> {
                // no one-off holiday
            }
        }
        return Collections.unmodifiableSortedMap(h);
    }

    private static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
