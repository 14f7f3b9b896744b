package io.stowage.scanner.screen;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays a {@link Frame} out as lines of plain text for a terminal of a given size: the title, the
 * instruction, the notice, then as much context as fits, with the keys and the status line at the
 * bottom. Long words are cut, never spilled past the edge; when the screen is too small the context
 * gives way first, so the instruction and what went wrong are always shown.
 */
public final class ScreenText {

    /** The smallest terminal the screens are written for: an RF handheld's 20 columns by 16 rows. */
    public static final int MIN_WIDTH = 20;
    public static final int MIN_HEIGHT = 16;

    /** One laid-out line and its role, so a terminal can draw the instruction large and the notice marked. */
    public record Line(String text, Role role) {
    }

    public enum Role { TITLE, INSTRUCTION, NOTICE_INFO, NOTICE_ERROR, CONTEXT, BLANK, KEYS, STATUS }

    private ScreenText() {
    }

    /** Exactly {@code height} lines of exactly {@code width} characters. */
    public static List<Line> layout(Frame frame, int width, int height) {
        int w = Math.max(width, 8);
        int h = Math.max(height, 6);
        Screen screen = frame.screen();
        List<Line> top = new ArrayList<>();
        top.add(new Line(fit(screen.title(), w), Role.TITLE));
        for (String line : wrap(screen.instruction(), w)) {
            top.add(new Line(line, Role.INSTRUCTION));
        }
        frame.notice().ifPresent(notice -> {
            Role role = notice.kind() == Notice.Kind.ERROR ? Role.NOTICE_ERROR : Role.NOTICE_INFO;
            String text = (notice.kind() == Notice.Kind.ERROR ? "! " : "") + notice.text();
            for (String line : wrap(text, w)) {
                top.add(new Line(line, role));
            }
        });
        List<Line> bottom = new ArrayList<>();
        if (!screen.keys().isBlank()) {
            for (String line : wrap(screen.keys(), w)) {
                bottom.add(new Line(line, Role.KEYS));
            }
        }
        bottom.add(new Line(fit(frame.status(), w), Role.STATUS));
        // The notice and instruction win over context; the keys line goes before the instruction does.
        while (top.size() + bottom.size() > h && bottom.size() > 1) {
            bottom.remove(0);
        }
        while (top.size() + bottom.size() > h) {
            top.remove(top.size() - 1);
        }
        List<Line> middle = new ArrayList<>();
        int room = h - top.size() - bottom.size();
        if (room > 0 && !screen.context().isEmpty()) {
            middle.add(new Line(fit("", w), Role.BLANK));
            for (String item : screen.context()) {
                for (String line : wrap(item, w)) {
                    middle.add(new Line(line, Role.CONTEXT));
                }
            }
        }
        while (middle.size() > room) {
            middle.remove(middle.size() - 1);
        }
        while (middle.size() < room) {
            middle.add(new Line(fit("", w), Role.BLANK));
        }
        List<Line> all = new ArrayList<>(top);
        all.addAll(middle);
        all.addAll(bottom);
        return all;
    }

    /** The frame as plain lines, for scripted mode and for reading back in tests. */
    public static List<String> lines(Frame frame, int width, int height) {
        return layout(frame, width, height).stream().map(Line::text).toList();
    }

    /** Words wrapped to the width; a word longer than the width is cut into pieces. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.trim().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                while (word.length() > width) {
                    if (line.length() > 0) {
                        lines.add(fit(line.toString(), width));
                        line.setLength(0);
                    }
                    lines.add(word.substring(0, width));
                    word = word.substring(width);
                }
                if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                    lines.add(fit(line.toString(), width));
                    line.setLength(0);
                }
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(word);
            }
            if (line.length() > 0) {
                lines.add(fit(line.toString(), width));
            }
        }
        if (lines.isEmpty()) {
            lines.add(fit("", width));
        }
        return lines;
    }

    static String fit(String text, int width) {
        String clean = text.replaceAll("\\p{Cntrl}", " ");
        if (clean.length() >= width) {
            return clean.substring(0, width);
        }
        return clean + " ".repeat(width - clean.length());
    }
}
