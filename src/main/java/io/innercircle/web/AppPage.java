package io.innercircle.web;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The web app's page, naming this build's files. The page itself is always checked with the server (a 304 while the
 * build is the same), so a new build reaches the browser at its next visit.
 */
@Controller
class AppPage {

    private final StaticAssets assets;

    AppPage(StaticAssets assets) {
        this.assets = assets;
    }

    @GetMapping({"/app/", "/app/index.html"})
    ResponseEntity<String> page() {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .eTag(assets.version())
                .body(assets.page());
    }
}
