package io.innercircle.export.internal;

import io.innercircle.export.internal.ExportedMap.Line;
import io.innercircle.export.internal.ExportedMap.Node;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jgrapht.Graph;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.gexf.GEXFAttributeType;
import org.jgrapht.nio.gexf.GEXFExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an exported map as GraphML (yEd, Gephi, NetworkX, igraph), GEXF (Gephi) or CSV, through jgrapht-io's
 * exporters and Commons CSV. The graph is a directed weighted multigraph: two people can be joined by a
 * reporting line and an influence line at once; an influence line weighs its strength, every other line 1.
 * Every node carries a {@code label} (the name) besides its attributes, since that is what the tools show.
 */
final class MapFormats {

    private MapFormats() {
    }

    enum Format {
        GRAPHML("application/graphml+xml", "graphml"),
        GEXF("application/gexf+xml", "gexf"),
        PEOPLE_CSV("text/csv", "people.csv"),
        LINES_CSV("text/csv", "lines.csv");

        final String mediaType;
        final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }
    }

    static String write(ExportedMap map, Format format) {
        return switch (format) {
            case GRAPHML -> graphMl(map);
            case GEXF -> gexf(map);
            case PEOPLE_CSV -> peopleCsv(map);
            case LINES_CSV -> linesCsv(map);
        };
    }

    private static Graph<String, Line> graph(ExportedMap map) {
        Graph<String, Line> graph = GraphTypeBuilder.<String, Line>directed().allowingMultipleEdges(true)
                .allowingSelfLoops(false).weighted(true).buildGraph();
        map.nodes().forEach(n -> graph.addVertex(n.id()));
        for (Line l : map.lines()) {
            graph.addEdge(l.from(), l.to(), l);
            graph.setEdgeWeight(l, l.weight());
        }
        return graph;
    }

    private static String graphMl(ExportedMap map) {
        Map<String, Node> nodes = byId(map);
        GraphMLExporter<String, Line> exporter = new GraphMLExporter<>(id -> id);
        exporter.setExportEdgeWeights(true);
        // A plain attribute named label: what Gephi and yEd's GraphML import show on a node.
        exporter.registerAttribute("label", GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
        Attributes.NODE.forEach(a -> exporter.registerAttribute(a.name(), GraphMLExporter.AttributeCategory.NODE,
                graphMlType(a.type())));
        Attributes.LINE.forEach(a -> exporter.registerAttribute(a.name(), GraphMLExporter.AttributeCategory.EDGE,
                graphMlType(a.type())));
        exporter.setVertexAttributeProvider(id -> nodeAttributes(nodes.get(id)));
        exporter.setEdgeIdProvider(edgeIds(map)::get);
        exporter.setEdgeAttributeProvider(MapFormats::lineAttributes);
        StringWriter out = new StringWriter();
        exporter.exportGraph(graph(map), out);
        return out.toString();
    }

    private static String gexf(ExportedMap map) {
        Map<String, Node> nodes = byId(map);
        GEXFExporter<String, Line> exporter = new GEXFExporter<>(id -> id, edgeIds(map)::get);
        exporter.setParameter(GEXFExporter.Parameter.EXPORT_EDGE_WEIGHTS, true);
        exporter.setParameter(GEXFExporter.Parameter.EXPORT_EDGE_LABELS, true);
        exporter.setCreator("InnerCircle");
        exporter.setDescription("Political map of account " + map.account()
                + (map.opportunity() == null ? "" : ", opportunity " + map.opportunity()));
        Attributes.NODE.forEach(a -> exporter.registerAttribute(a.name(), GEXFExporter.AttributeCategory.NODE,
                gexfType(a.type())));
        Attributes.LINE.forEach(a -> exporter.registerAttribute(a.name(), GEXFExporter.AttributeCategory.EDGE,
                gexfType(a.type())));
        exporter.setVertexAttributeProvider(id -> nodeAttributes(nodes.get(id)));
        exporter.setEdgeAttributeProvider(l -> {
            Map<String, Attribute> a = lineAttributes(l);
            a.put("label", DefaultAttribute.createAttribute(l.type()));
            return a;
        });
        StringWriter out = new StringWriter();
        exporter.exportGraph(graph(map), out);
        return out.toString();
    }

    private static Map<String, Attribute> nodeAttributes(Node node) {
        Map<String, Attribute> a = new LinkedHashMap<>();
        Object name = node.attributes().get("name");
        a.put("label", DefaultAttribute.createAttribute(name == null ? node.key() : name.toString()));
        node.attributes().forEach((k, v) -> a.put(k, attribute(v)));
        return a;
    }

    private static Map<String, Attribute> lineAttributes(Line line) {
        Map<String, Attribute> a = new LinkedHashMap<>();
        line.attributes().forEach((k, v) -> a.put(k, attribute(v)));
        return a;
    }

    /** Edge ids e0, e1... in the export's fixed line order (XML name tokens, unlike anything built from keys). */
    private static Map<Line, String> edgeIds(ExportedMap map) {
        Map<Line, String> ids = new java.util.IdentityHashMap<>();
        for (int i = 0; i < map.lines().size(); i++) {
            ids.put(map.lines().get(i), "e" + i);
        }
        return ids;
    }

    private static Attribute attribute(Object value) {
        if (value instanceof Long l) {
            return DefaultAttribute.createAttribute(l.intValue());
        }
        if (value instanceof Boolean b) {
            return DefaultAttribute.createAttribute(b);
        }
        return DefaultAttribute.createAttribute(String.valueOf(value));
    }

    private static AttributeType graphMlType(Attributes.Type type) {
        return switch (type) {
            case INT -> AttributeType.INT;
            case BOOLEAN -> AttributeType.BOOLEAN;
            case STRING -> AttributeType.STRING;
        };
    }

    private static GEXFAttributeType gexfType(Attributes.Type type) {
        return switch (type) {
            case INT -> GEXFAttributeType.INTEGER;
            case BOOLEAN -> GEXFAttributeType.BOOLEAN;
            case STRING -> GEXFAttributeType.STRING;
        };
    }

    /** One row per node, a column per attribute; stakeholders first, then team members, each by key. */
    private static String peopleCsv(ExportedMap map) {
        return csv(printer -> {
            printer.printRecord(Attributes.NODE.stream().map(Attributes.Attribute::name).toList());
            for (Node n : map.nodes()) {
                printer.printRecord(Attributes.NODE.stream().map(a -> cell(n.attributes().get(a.name()))).toList());
            }
        });
    }

    /** One row per line: type, from and to (node ids as in the graph formats), then the line's attributes. */
    private static String linesCsv(ExportedMap map) {
        return csv(printer -> {
            printer.printRecord(header());
            for (Line l : map.lines()) {
                List<Object> row = new ArrayList<>(List.of(cell(l.type()), cell(l.from()), cell(l.to())));
                Attributes.LINE.stream().skip(1).forEach(a -> row.add(cell(l.attributes().get(a.name()))));
                printer.printRecord(row);
            }
        });
    }

    private static List<String> header() {
        List<String> header = new ArrayList<>(List.of("type", "from", "to"));
        Attributes.LINE.stream().skip(1).forEach(a -> header.add(a.name()));
        return header;
    }

    /**
     * A cell a spreadsheet would run as a formula ("=HYPERLINK(...)", "+1+cmd|...", "@SUM(...)", or one hidden
     * behind a leading tab or carriage return) gets a leading apostrophe, as OWASP advises for CSV injection: the
     * spreadsheet shows the text instead of running it. Numbers are written as numbers, so -1 stays -1.
     */
    static Object cell(Object value) {
        if (value instanceof String s && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return value;
    }

    private interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    private static String csv(Rows rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            rows.print(printer);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to a string failed", e);
        }
        return out.toString();
    }

    private static Map<String, Node> byId(ExportedMap map) {
        Map<String, Node> nodes = new HashMap<>();
        map.nodes().forEach(n -> nodes.put(n.id(), n));
        return nodes;
    }
}
