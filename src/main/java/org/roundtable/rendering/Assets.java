package org.roundtable.rendering;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.roundtable.security.Tokens;

/**
 * The addresses of our static files, each with a fingerprint of its content. Browsers may then keep a
 * file for a year: when it changes, so does its address.
 */
public final class Assets {

    static final String[] FILES = {"css/site.css", "js/discussion.js", "js/personal.js", "js/helpful.js", "js/quote.js",
            "js/whats-new.js", "js/moderate.js", "favicon.svg"};

    private final Map<String, String> paths;

    /** {@code folder}: where static files are served from, when not from the jar. */
    public Assets(Optional<Path> folder) {
        var paths = new java.util.HashMap<String, String>();
        for (String file : FILES) {
            paths.put(file, "/static/" + file + "?v=" + Tokens.sha256(new String(read(folder, file),
                    java.nio.charset.StandardCharsets.ISO_8859_1)).substring(0, 12));
        }
        this.paths = Map.copyOf(paths);
    }

    /**
     * The fingerprinted address of {@code file}, such as "css/site.css". A file not in {@link #FILES} fails the
     * page loudly, rather than leaving it a {@code src=""} that quietly loads nothing.
     */
    public String path(String file) {
        String path = paths.get(file);
        if (path == null) {
            throw new IllegalArgumentException("Not a static file Assets knows: " + file + " (add it to Assets.FILES)");
        }
        return path;
    }

    private static byte[] read(Optional<Path> folder, String file) {
        try {
            if (folder.isPresent()) {
                return Files.readAllBytes(folder.get().resolve(file));
            }
            try (InputStream in = Assets.class.getClassLoader().getResourceAsStream("static/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("The static file " + file + " is missing from the jar");
                }
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the static file " + file, e);
        }
    }
}
