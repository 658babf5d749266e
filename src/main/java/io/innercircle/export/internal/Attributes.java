package io.innercircle.export.internal;

import java.util.List;

/**
 * The attributes an export carries, with their types, in a fixed order: the CSV columns and the GraphML and
 * GEXF attribute declarations are all made from these lists.
 */
final class Attributes {

    enum Type { STRING, INT, BOOLEAN }

    record Attribute(String name, Type type) {
    }

    /** Node attributes: every person field of the map, the CRM's, the opportunity's roles and status. */
    static final List<Attribute> NODE = List.of(
            new Attribute("kind", Type.STRING), // stakeholder or teamMember
            new Attribute("key", Type.STRING),
            new Attribute("name", Type.STRING),
            new Attribute("title", Type.STRING),
            new Attribute("department", Type.STRING),
            new Attribute("reportsTo", Type.STRING),
            new Attribute("adaptability", Type.STRING),
            new Attribute("rank", Type.INT),
            new Attribute("influence", Type.INT),
            new Attribute("innerCircle", Type.BOOLEAN),
            new Attribute("external", Type.BOOLEAN),
            new Attribute("placeholder", Type.BOOLEAN),
            new Attribute("coverage", Type.STRING),
            new Attribute("roles", Type.STRING),
            new Attribute("status", Type.STRING),
            new Attribute("email", Type.STRING),
            new Attribute("crmKey", Type.STRING),
            new Attribute("notInLastImport", Type.BOOLEAN),
            new Attribute("businessAgenda", Type.STRING),
            new Attribute("personalAgenda", Type.STRING),
            new Attribute("notes", Type.STRING),
            new Attribute("teamRole", Type.STRING));

    /**
     * Line attributes; which ones a line has depends on its type. Named apart from the node attributes (GraphML
     * keys are per name) and from GEXF's own edge attributes (type, label, weight).
     */
    static final List<Attribute> LINE = List.of(
            new Attribute("lineType", Type.STRING),
            new Attribute("strength", Type.INT),
            new Attribute("note", Type.STRING),
            new Attribute("contactCoverage", Type.STRING),
            new Attribute("lastContact", Type.STRING),
            new Attribute("relationship", Type.STRING));

    private Attributes() {
    }
}
