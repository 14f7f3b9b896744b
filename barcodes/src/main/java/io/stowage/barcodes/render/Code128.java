package io.stowage.barcodes.render;

import io.stowage.barcodes.gs1.AiElement;
import io.stowage.barcodes.gs1.ElementString;
import io.stowage.barcodes.gs1.InvalidBarcodeException;

import java.util.ArrayList;
import java.util.List;

/**
 * A Code 128 symbol planned symbol by symbol: code set B for text, code set C for runs of digits
 * where the switch pays for itself, FNC1 first for GS1-128. Knowing every symbol lets a label
 * printer be told exactly what to print (ZPL subset invocations) and lets its printed width be
 * computed before printing: {@link #modules()} times the module width, plus the quiet zones.
 */
public final class Code128 {

    /** The code sets this encoder uses: B for text, C for digit pairs. */
    public enum CodeSet { B, C }

    /** One symbol character: its value (0-105) and the code set that was active when it was written. */
    public record Symbol(int value, CodeSet codeSet) {
    }

    public static final int CODE_C = 99;
    public static final int CODE_B = 100;
    public static final int FNC1 = 102;
    public static final int START_B = 104;
    public static final int START_C = 105;
    /** Light modules required either side (ISO/IEC 15417). */
    public static final int QUIET_ZONE_MODULES = 10;

    private static final int STOP = 106;
    private static final int MODULES_PER_SYMBOL = 11;
    private static final int STOP_MODULES = 13;
    private static final int FNC1_TOKEN = -1;
    // Bar and space widths of the 107 symbol characters (ISO/IEC 15417), bar first.
    private static final String[] PATTERNS = {
            "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
            "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
            "221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
            "212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
            "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
            "231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
            "314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
            "112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
            "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
            "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
            "114131", "311141", "411131", "211412", "211214", "211232", "2331112"};

    private final List<Symbol> symbols;

    private Code128(List<Symbol> symbols) {
        this.symbols = List.copyOf(symbols);
    }

    /** Plain text: printable ASCII (space to tilde). */
    public static Code128 text(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidBarcodeException("Cannot encode empty text in Code 128");
        }
        List<Integer> tokens = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' || c > '~') {
                throw new InvalidBarcodeException("Code 128 text '" + text + "' contains '" + c
                        + "'; only printable ASCII can be encoded");
            }
            tokens.add((int) c);
        }
        return new Code128(plan(tokens));
    }

    /** GS1-128: FNC1 first, then the element string with FNC1 after every variable-length AI that is not last. */
    public static Code128 gs1(ElementString elementString) {
        List<Integer> tokens = new ArrayList<>();
        tokens.add(FNC1_TOKEN);
        List<AiElement> elements = elementString.elements();
        for (int i = 0; i < elements.size(); i++) {
            AiElement element = elements.get(i);
            (element.ai() + element.value()).chars().forEach(tokens::add);
            if (i < elements.size() - 1 && !ElementString.isPredefinedLength(element.ai())) {
                tokens.add(FNC1_TOKEN);
            }
        }
        return new Code128(plan(tokens));
    }

    /** The start character and the data symbols (with code set switches), without check character and stop. */
    public List<Symbol> symbols() {
        return symbols;
    }

    public int checkValue() {
        int sum = symbols.get(0).value();
        for (int i = 1; i < symbols.size(); i++) {
            sum += symbols.get(i).value() * i;
        }
        return sum % 103;
    }

    /** Width in modules from start to stop, without quiet zones. */
    public int modules() {
        return (symbols.size() + 1) * MODULES_PER_SYMBOL + STOP_MODULES;
    }

    /** Width in modules including both quiet zones. */
    public int modulesWithQuietZones() {
        return modules() + 2 * QUIET_ZONE_MODULES;
    }

    /** One entry per module from start to stop: true for a bar. */
    public boolean[] bars() {
        boolean[] bars = new boolean[modules()];
        int position = 0;
        List<Integer> values = new ArrayList<>(symbols.stream().map(Symbol::value).toList());
        values.add(checkValue());
        values.add(STOP);
        for (int value : values) {
            String pattern = PATTERNS[value];
            for (int i = 0; i < pattern.length(); i++) {
                int width = pattern.charAt(i) - '0';
                for (int w = 0; w < width; w++) {
                    bars[position++] = i % 2 == 0;
                }
            }
        }
        return bars;
    }

    private static List<Symbol> plan(List<Integer> tokens) {
        List<Symbol> symbols = new ArrayList<>();
        CodeSet current = null;
        int i = 0;
        while (i < tokens.size()) {
            CodeSet wanted = choose(tokens, i, current);
            if (current == null) {
                symbols.add(new Symbol(wanted == CodeSet.C ? START_C : START_B, wanted));
            } else if (wanted != current) {
                symbols.add(new Symbol(wanted == CodeSet.C ? CODE_C : CODE_B, current));
            }
            current = wanted;
            int token = tokens.get(i);
            if (token == FNC1_TOKEN) {
                symbols.add(new Symbol(FNC1, current));
                i++;
            } else if (current == CodeSet.C) {
                symbols.add(new Symbol((token - '0') * 10 + (tokens.get(i + 1) - '0'), current));
                i += 2;
            } else {
                symbols.add(new Symbol(token - ' ', current));
                i++;
            }
        }
        return symbols;
    }

    /**
     * Code set C packs two digits in a symbol but costs a switch there and usually one back, so it
     * is chosen for a run of digits of even length when that saves symbols: at the start for four
     * or more (two if they are all), in the middle for six or more, and for four or more that end
     * the data or are followed by FNC1 (which code set C also has).
     */
    private static CodeSet choose(List<Integer> tokens, int i, CodeSet current) {
        if (tokens.get(i) == FNC1_TOKEN) {
            if (current != null) {
                return current;
            }
            return i + 1 < tokens.size() ? choose(tokens, i + 1, null) : CodeSet.B;
        }
        int run = digitRun(tokens, i);
        if (current == CodeSet.C) {
            return run >= 2 ? CodeSet.C : CodeSet.B;
        }
        boolean runEndsData = i + run == tokens.size() || tokens.get(i + run) == FNC1_TOKEN;
        if (current == null) {
            return run >= 4 || (run >= 2 && run % 2 == 0 && runEndsData) ? CodeSet.C : CodeSet.B;
        }
        if (run % 2 != 0) {
            return CodeSet.B;
        }
        return run >= 6 || (run >= 4 && runEndsData) ? CodeSet.C : CodeSet.B;
    }

    private static int digitRun(List<Integer> tokens, int from) {
        int run = 0;
        while (from + run < tokens.size() && tokens.get(from + run) >= '0' && tokens.get(from + run) <= '9') {
            run++;
        }
        return run;
    }
}
