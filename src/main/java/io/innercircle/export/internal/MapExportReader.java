package io.innercircle.export.internal;

import io.innercircle.api.NotFoundException;
import io.innercircle.export.internal.ExportedMap.Line;
import io.innercircle.export.internal.ExportedMap.Node;
import io.innercircle.map.AccountModel;
import io.innercircle.map.AccountModel.ConflictRow;
import io.innercircle.map.AccountModel.ContactRow;
import io.innercircle.map.AccountModel.InfluenceRow;
import io.innercircle.map.AccountModel.InvolvementRow;
import io.innercircle.map.AccountModel.Person;
import io.innercircle.map.AccountModelReader;
import io.innercircle.map.TeamMember;
import io.innercircle.vocabulary.BuyingRole;
import io.innercircle.vocabulary.Coverage;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An account's whole map for export, taken from the one read model ({@link AccountModelReader}). With an
 * opportunity, each person also carries their buying roles and our status in it. Best coverage is the best of the
 * team's contacts, as on the map.
 */
@Component
class MapExportReader {

    private final AccountModelReader models;

    MapExportReader(AccountModelReader models) {
        this.models = models;
    }

    public ExportedMap read(String account, String opportunity, boolean withTeam) {
        AccountModel model = models.read(account)
                .orElseThrow(() -> new NotFoundException("account", "account", account));
        if (opportunity != null && model.opportunities().stream().noneMatch(o -> o.key().equals(opportunity))) {
            throw new NotFoundException("opportunity", "opportunity", account + "/" + opportunity);
        }
        Map<String, InvolvementRow> involved = new HashMap<>();
        if (opportunity != null) {
            model.involvementsIn(opportunity).forEach(i -> involved.put(i.stakeholder(), i));
        }
        Map<String, Coverage> best = new HashMap<>();
        model.contacts().forEach(c -> best.merge(c.stakeholder(), c.coverage(), Coverage::better));
        List<Node> nodes = new ArrayList<>();
        for (Person p : model.people()) {
            Map<String, Object> values = values(p, involved.get(p.key()), best.get(p.key()));
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("kind", "stakeholder");
            for (Attributes.Attribute attribute : Attributes.NODE) {
                Object v = values.get(attribute.name());
                if (v != null && !attribute.name().equals("roles")) {
                    a.put(attribute.name(), v);
                }
                if (attribute.name().equals("roles") && opportunity != null) {
                    a.put("roles", v);
                }
            }
            nodes.add(new Node(personId(p.key()), p.key(), "stakeholder", a));
        }
        List<Line> lines = new ArrayList<>();
        for (Person p : model.people()) {
            if (p.reportsTo() != null) {
                lines.add(line("REPORTS_TO", personId(p.key()), personId(p.reportsTo())));
            }
        }
        for (InfluenceRow l : model.influences()) {
            lines.add(line("INFLUENCES", personId(l.from()), personId(l.to()),
                    "strength", (long) l.strength(), "note", l.note()));
        }
        for (ConflictRow l : model.conflicts()) {
            lines.add(line("CONFLICTS_WITH", personId(l.first()), personId(l.second()), "note", l.note()));
        }
        if (withTeam) {
            for (TeamMember t : model.team()) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("kind", "teamMember");
                a.put("key", t.key());
                a.put("name", t.name());
                if (t.role() != null) {
                    a.put("teamRole", t.role());
                }
                nodes.add(new Node(teamId(t.key()), t.key(), "teamMember", a));
            }
            for (ContactRow c : model.contacts()) {
                lines.add(line("HAS_CONTACT", teamId(c.teamMember()), personId(c.stakeholder()),
                        "contactCoverage", name(c.coverage()),
                        "lastContact", c.lastContact() == null ? null : c.lastContact().toString(),
                        "relationship", name(c.relationship())));
            }
        }
        return new ExportedMap(account, opportunity, nodes, lines);
    }

    /** A person's export values by attribute name: integers as Long, enums by name, as the formats write them. */
    private static Map<String, Object> values(Person p, InvolvementRow involvement, Coverage coverage) {
        Map<String, Object> v = new HashMap<>();
        v.put("key", p.key());
        v.put("name", p.name());
        v.put("title", p.title());
        v.put("department", p.department());
        v.put("reportsTo", p.reportsTo());
        v.put("adaptability", name(p.adaptability()));
        v.put("rank", p.rank() == null ? null : p.rank().longValue());
        v.put("influence", p.influence() == null ? null : p.influence().longValue());
        v.put("innerCircle", p.innerCircle());
        v.put("external", p.external());
        v.put("placeholder", p.placeholder());
        v.put("coverage", (coverage == null ? Coverage.NONE : coverage).name());
        v.put("roles", involvement == null ? ""
                : String.join(" ", involvement.roles().stream().map(BuyingRole::name).toList()));
        v.put("status", involvement == null ? null : name(involvement.status()));
        v.put("email", p.email());
        v.put("crmKey", p.crmKey());
        v.put("notInLastImport", p.notInLastImport());
        v.put("businessAgenda", p.businessAgenda());
        v.put("personalAgenda", p.personalAgenda());
        v.put("notes", p.notes());
        return v;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /**
     * Node ids: keys are unique per kind and the kinds' prefixes differ, so these never collide; and they are
     * XML name tokens, as GraphML requires.
     */
    static String personId(String key) {
        return "stakeholder:" + key;
    }

    static String teamId(String key) {
        return "team:" + key;
    }

    private static Line line(String type, String from, String to, Object... attributes) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("lineType", type);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                a.put((String) attributes[i], attributes[i + 1]);
            }
        }
        return new Line(type, from, to, a);
    }

}
