package io.innercircle.security.internal;

import io.innercircle.security.AccountAccess;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * GET /api/me: who is signed in and which accounts they may change, so the web app shows a coach (who only reads
 * and reviews) no edit control that the server would refuse anyway. It decides nothing: the server checks every
 * request on its own.
 */
@RestController
class SignedInUserController {

    private final AccountAccess access;

    SignedInUserController(AccountAccess access) {
        this.access = access;
    }

    @GetMapping("/api/me")
    Map<String, Object> me(Authentication authentication) {
        AccountAccess.Visible edit = access.visible(AccountAccess.Level.EDIT);
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("name", access.who());
        me.put("roles", authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList());
        me.put("all", edit.all());
        me.put("editable", List.copyOf(new TreeSet<>(edit.keys())));
        me.put("managed", List.copyOf(new TreeSet<>(access.visible(AccountAccess.Level.MANAGE).keys())));
        return me;
    }
}
