package io.stowage.barcodes.gs1;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Good and bad values for every GS1 linter, after the cases of GS1's reference Syntax Tests. */
class LintersTest {

    private static final String CASES_OF_EVERY_LINTER = """
            csum,09506000134352,ok
            csum,09506000134353,bad
            csumalpha,1987654Ad4X4bL5ttr2310c2K,ok
            csumalpha,1987654Ad4X4bL5ttr2310cXK,bad
            csumalpha,12345_0123456789:;<=>?62,ok
            csumalpha,2,bad
            gcppos1,95060001,ok
            gcppos1,950A0001,bad
            gcppos2,095060001,ok
            gcppos2,0950,bad
            key,1234A,ok
            key,123,bad
            keyoff1,A1234,ok
            keyoff1,AA234,bad
            yymmdd,261231,ok
            yymmdd,261200,bad
            yymmd0,261200,ok
            yymmd0,261301,bad
            yyyymmdd,20240229,ok
            yyyymmdd,20230229,bad
            yyyymmd0,20240200,ok
            yyyymmd0,20241300,bad
            yymmddhh,26123123,ok
            yymmddhh,26123124,bad
            hhmi,2359,ok
            hhmi,2360,bad
            hhmm,0000,ok
            hhmm,2400,bad
            hh,23,ok
            hh,24,bad
            mi,59,ok
            mi,60,bad
            mm,00,ok
            mm,60,bad
            ss,59,ok
            ss,60,bad
            mmoptss,5959,ok
            mmoptss,0060,bad
            yesno,1,ok
            yesno,2,bad
            zero,0,ok
            zero,1,bad
            nonzero,0001,ok
            nonzero,0000,bad
            hyphen,-,ok
            hyphen,+,bad
            nozeroprefix,0,ok
            nozeroprefix,01,bad
            hasnondigit,1234A,ok
            hasnondigit,12345,bad
            pieceoftotal,0102,ok
            pieceoftotal,0302,bad
            posinseqslash,9/10,ok
            posinseqslash,10/9,bad
            winding,9,ok
            winding,2,bad
            iso5218,2,ok
            iso5218,3,bad
            mediatype,10,ok
            mediatype,11,bad
            latitude,1800000000,ok
            latitude,1800000001,bad
            longitude,3600000000,ok
            longitude,3600000001,bad
            latlong,18000000003600000000,ok
            latlong,18000000013600000000,bad
            pcenc,ABC%20XYZ,ok
            pcenc,ABC%gfXYZ,bad
            importeridx,_,ok
            importeridx,.,bad
            iso3166,428,ok
            iso3166,999,bad
            iso3166999,999,ok
            iso3166999,000,bad
            iso3166alpha2,LV,ok
            iso3166alpha2,XX,bad
            iso3166list,428440804,ok
            iso3166list,428999,bad
            iso4217,978,ok
            iso4217,000,bad
            packagetype,PX,ok
            packagetype,P0,bad
            iban,GB98MIDL07009312345678,ok
            iban,BE71096123456760,bad
            couponcode,012345612345611110123,ok
            couponcode,712345678901234,bad
            couponposoffer,001234561234560123456,ok
            couponposoffer,0012345612345601234567,bad
            """;

    @ParameterizedTest(name = "{0}: {1} is {2}")
    @CsvSource(textBlock = CASES_OF_EVERY_LINTER)
    void everyLinterAcceptsGoodAndRefusesBadValues(String linter, String value, String expected) {
        assertThat(Linters.problem(linter, value).isEmpty()).as(linter + " on " + value).isEqualTo(expected.equals("ok"));
    }

    @Test
    void everyImplementedLinterHasAGoodAndABadCase() {
        Set<String> tested = CASES_OF_EVERY_LINTER.lines().map(line -> line.split(",")[0].trim())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(tested).isEqualTo(Linters.names());
        for (String linter : Linters.names()) {
            assertThat(Stream.of("ok", "bad")).allMatch(kind -> CASES_OF_EVERY_LINTER.lines()
                    .anyMatch(line -> line.trim().startsWith(linter + ",") && line.trim().endsWith("," + kind)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            (00)106141411234567897(4300)ACME%2                 | 4300
            (00)106141411234567897(4309)18000000013600000000    | 4309
            (01)09506000134352(8001)01000050002051              | 8001
            (8018)950600013435200008(7252)3                     | 7252
            (8018)950600013435200008(7259)A1(7258)2/1           | 7258
            (415)9506000134352(8020)1234(8007)BE71096123456760  | 8007
            (01)09506000134352(8014)123456789012345678901234   | 8014
            (8020)1234(3910)000125                               | 3910
            (00)106141411234567897(4307)XX                      | 4307
            (01)09506000134352(422)999                          | 422
            (7040)1A..                                           | 7040
            (00)106141411234567897(7041)P0                      | 7041
            (8018)950600013435200008(7241)11                    | 7241
            (8110)712345678901234                               | 8110
            """)
    void aisThatUsedToSkipTheirLintersNowApplyThem(String elementString, String ai) {
        assertThatThrownBy(() -> ElementString.parseBracketed(elementString.trim()))
                .isInstanceOf(InvalidBarcodeException.class)
                .hasMessageContaining("AI (" + ai.trim() + ")");
    }

    @Test
    void goodValuesForThoseAisStillParse() {
        assertThat(ElementString.parseBracketed("(00)106141411234567897(4300)ACME%20LTD(4307)LV"
                + "(4309)02790858483015297971").get("4307")).contains("LV");
        assertThat(ElementString.parseBracketed("(01)09506000134352(8001)01000050002011").get("8001")).isPresent();
        assertThat(ElementString.parseBracketed("(8018)950600013435200008(7259)A1(7258)1/2(7252)2").get("7258"))
                .contains("1/2");
    }
}
