package org.roundtable.identicon;

import java.util.Base64;
import org.roundtable.security.Signer;

/**
 * A small face for every writer, so readers can tell people apart without accounts or email: a symmetric 5×5
 * pattern in one colour, drawn from a keyed hash of the writer and the article. Keyed, so nobody can work out who
 * it stands for; per article, so one person's face on one article does not link them to another. Inline SVG with
 * a fill attribute: no request, no inline style (which the CSP forbids).
 */
public final class Identicons {

    private static final String PURPOSE = "identicon";
    private static final int SIZE = 5;
    private static final int HALF = (SIZE + 1) / 2;

    private final Signer signer;

    public Identicons(Signer signer) {
        this.signer = signer;
    }

    /**
     * The face of the writer of a comment on the article {@code articleSlug}: by their browser's identity, or for
     * comments without one (imported), by the name they gave.
     */
    public String svg(String articleSlug, Long authorId, String name) {
        String who = authorId != null ? "author:" + authorId : "name:" + name;
        byte[] hash = Base64.getUrlDecoder().decode(signer.mac(PURPOSE, articleSlug + "\n" + who));
        var path = new StringBuilder();
        for (int row = 0; row < SIZE; row++) {
            for (int column = 0; column < HALF; column++) {
                int bit = row * HALF + column;
                boolean filled = ((hash[bit / 8] >> (bit % 8)) & 1) == 1 || (row == SIZE / 2 && column == SIZE / 2);
                if (filled) {
                    cell(path, column, row);
                    if (column != SIZE - 1 - column) {
                        cell(path, SIZE - 1 - column, row);
                    }
                }
            }
        }
        return "<svg class=\"identicon\" viewBox=\"0 0 5 5\" width=\"24\" height=\"24\" aria-hidden=\"true\" focusable=\"false\">"
                + "<path fill=\"" + colour(hash) + "\" d=\"" + path + "\"/></svg>";
    }

    private static void cell(StringBuilder path, int x, int y) {
        path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
    }

    /** A hue from the hash, at a saturation and lightness that read on light and dark backgrounds alike. */
    static String colour(byte[] hash) {
        double hue = (((hash[4] & 0xff) << 8) | (hash[5] & 0xff)) % 360;
        double saturation = 0.55;
        double lightness = 0.5;
        double chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
        double x = chroma * (1 - Math.abs((hue / 60) % 2 - 1));
        double m = lightness - chroma / 2;
        double[] rgb = switch ((int) (hue / 60)) {
            case 0 -> new double[] {chroma, x, 0};
            case 1 -> new double[] {x, chroma, 0};
            case 2 -> new double[] {0, chroma, x};
            case 3 -> new double[] {0, x, chroma};
            case 4 -> new double[] {x, 0, chroma};
            default -> new double[] {chroma, 0, x};
        };
        return String.format("#%02x%02x%02x", Math.round((rgb[0] + m) * 255), Math.round((rgb[1] + m) * 255),
                Math.round((rgb[2] + m) * 255));
    }
}
