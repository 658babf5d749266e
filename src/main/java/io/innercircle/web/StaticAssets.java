package io.innercircle.web;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web app's files under an address that names their content: {@code /app/v-<version>/main.js} serves
 * {@code static/app/main.js}, and {@code /webjars/v-<version>/…} the WebJars, where the version is a hash of every
 * file of the app and of the WebJars' versions. Browsers may then keep them for a year without asking again: a new
 * build that changes any file changes every address, and the page names the new ones.
 *
 * <p>Why: the app is about thirty ES modules that import one another. Revalidated one by one, each level of imports
 * cost a round trip before the next could be asked for, and the map's own request waited behind them. Since the
 * modules import each other by relative address ({@code ./api.js}), naming the page's entry points under the
 * versioned folder is enough: every import, and the layout worker, follows.
 */
@Component
class StaticAssets {

    static final String APP_FILES = "classpath:/static/app/";
    static final String WEBJAR_FILES = "classpath:/META-INF/resources/webjars/";

    /** A module script of the page: {@code <script type="module" ... src="/app/main.js">}. */
    private static final Pattern ENTRY_POINT =
            Pattern.compile("<script type=\"module\"[^>]*src=\"/app/([\\w.-]+\\.js)\"");
    /** A static import of a sibling module: {@code from './api.js'} or {@code import './api.js'}. */
    private static final Pattern IMPORT = Pattern.compile("(?:from|import)\\s*['\"]\\./([\\w.-]+\\.js)['\"]");

    private final String version;
    private final String page;

    StaticAssets(ResourcePatternResolver resolver) {
        try {
            this.version = version(resolver);
            String index = read(resolver.getResource(APP_FILES + "index.html"));
            StringBuilder preloads = new StringBuilder();
            for (String module : modules(resolver, index)) {
                preloads.append("  <link rel=\"modulepreload\" href=\"/app/").append(module).append("\">\n");
            }
            this.page = index.replace("</head>", preloads + "</head>")
                    .replace("src=\"/app/", "src=\"" + appPrefix())
                    .replace("href=\"/app/", "href=\"" + appPrefix())
                    .replace("src=\"/webjars/", "src=\"" + webjarPrefix());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the web app's files", e);
        }
    }

    /** A hash of the app's files (name and content) and of the WebJars' build descriptors. */
    private static String version(ResourcePatternResolver resolver) throws IOException {
        Map<String, Resource> files = new TreeMap<>();
        for (Resource r : resolver.getResources("classpath*:/static/app/**/*")) {
            String url = r.getURL().toString();
            if (r.isReadable() && !url.endsWith("/")) {
                files.put(url.substring(url.lastIndexOf("/static/app/")), r);
            }
        }
        for (Resource r : resolver.getResources("classpath*:/META-INF/maven/org.webjars*/*/pom.properties")) {
            String url = r.getURL().toString();
            files.put(url.substring(url.lastIndexOf("/META-INF/")), r);
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Map.Entry<String, Resource> file : files.entrySet()) {
            sha.update(file.getKey().getBytes(StandardCharsets.UTF_8));
            try (InputStream in = file.getValue().getInputStream()) {
                sha.update(in.readAllBytes());
            }
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    }

    /**
     * Every module the page's module scripts import, directly or not: named in the page as {@code modulepreload}, the
     * browser asks for all of them at once instead of one level of imports after another.
     */
    private static Set<String> modules(ResourcePatternResolver resolver, String index) throws IOException {
        Set<String> found = new LinkedHashSet<>();
        Matcher entry = ENTRY_POINT.matcher(index);
        while (entry.find()) {
            found.add(entry.group(1));
        }
        Deque<String> toRead = new ArrayDeque<>(found);
        Set<String> imported = new LinkedHashSet<>();
        while (!toRead.isEmpty()) {
            Resource file = resolver.getResource(APP_FILES + toRead.pop());
            if (!file.isReadable()) {
                continue;
            }
            Matcher m = IMPORT.matcher(read(file));
            while (m.find()) {
                if (found.add(m.group(1))) {
                    imported.add(m.group(1));
                    toRead.add(m.group(1));
                }
            }
        }
        return imported;
    }

    private static String read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    String version() {
        return version;
    }

    /** Where the app's files are served for this build, e.g. {@code /app/v-0123456789ab/}. */
    String appPrefix() {
        return "/app/v-" + version + "/";
    }

    /** Where the WebJars are served for this build. */
    String webjarPrefix() {
        return "/webjars/v-" + version + "/";
    }

    /** The app's page, naming this build's addresses. */
    String page() {
        return page;
    }
}
