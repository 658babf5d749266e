package io.innercircle.plan.internal;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.innercircle.analysis.account.AnalysedAccount;
import io.innercircle.analysis.AnalysisService;
import io.innercircle.analysis.health.HealthParameters;
import io.innercircle.analysis.health.HealthWarning;
import io.innercircle.analysis.innercircle.PersonInfluence;
import io.innercircle.assessment.AssessmentViews;
import io.innercircle.assessment.AssessmentViews.CriterionView;
import io.innercircle.assessment.Rating;
import io.innercircle.map.Competitor;
import io.innercircle.map.ItemId;
import io.innercircle.map.OpportunityReads;
import io.innercircle.map.Opportunity;
import io.innercircle.map.PoliticalMap;
import io.innercircle.plan.internal.PlanData.Tactic;
import io.innercircle.vocabulary.CompetitiveStrategy;
import io.innercircle.vocabulary.SalesStage;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The printable opportunity plan: one A4 page with the map summary, the assessment, the strategy and the
 * tactics. One XHTML page serves both the browser and the PDF (rendered by openhtmltopdf on PDFBox), so the two
 * never drift apart. Text is kept to the PDF standard fonts' character set (arrows are written "->").
 */
@Component
public class PrintablePlan {

    private final OpportunityReads opportunityReads;
    private final AnalysisService analyses;
    private final AssessmentViews assessments;
    private final PlanViews plans;
    private final PlanStore store;

    PrintablePlan(OpportunityReads opportunityReads, AnalysisService analyses, AssessmentViews assessments,
                  PlanViews plans, PlanStore store) {
        this.opportunityReads = opportunityReads;
        this.analyses = analyses;
        this.assessments = assessments;
        this.plans = plans;
        this.store = store;
    }

    /**
     * The page as XHTML for the browser, or empty when there is no such opportunity: the app's header with the way
     * back to the opportunity, and screen-sized text (printing it, or the PDF, keeps the compact page).
     */
    public Optional<String> html(ItemId id) {
        return opportunityReads.politicalMap(id).map(this::page).map(page -> forScreen(page, id));
    }

    public Optional<byte[]> pdf(ItemId id) {
        return opportunityReads.politicalMap(id).map(this::page).map(PrintablePlan::render);
    }

    private static String forScreen(String page, ItemId id) {
        String back = "/app/#/map/" + t(java.net.URLEncoder.encode(id.toString(), java.nio.charset.StandardCharsets.UTF_8)) + "/plan";
        // A phone lays the page out at its own width (without the viewport tag it draws 980 px and shrinks them).
        return page.replace("<meta charset=\"UTF-8\"/>", "<meta charset=\"UTF-8\"/>"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
                .replace("</style>", SCREEN_CSS + "</style>").replace("<body>", "<body><header class=\"apphead\">"
                + "<a class=\"brand\" href=\"/app/\">InnerCircle</a><a id=\"back-to-plan\" href=\"" + back
                + "\">&#8592; Back to the opportunity</a><a href=\"plan.pdf\">PDF</a></header>");
    }

    private static final String SCREEN_CSS = """
            .apphead { display: none; }
            @media screen {
              body { font-size: 15px; line-height: 1.45; max-width: 1100px; margin: 0 auto; padding: 0 16px 24px; background: #fff; }
              h1 { font-size: 24px; margin-top: 12px; } h2 { font-size: 17px; margin: 16px 0 6px; }
              th, td { padding: 4px 6px; }
              .apphead { display: flex; gap: 20px; align-items: center; margin: 0 -16px; padding: 8px 16px; background: #1f2a3a; }
              .apphead a { color: #fff; text-decoration: none; } .apphead .brand { font-weight: bold; font-size: 17px; }
            }
            @media screen and (max-width: 700px) {
              body { font-size: 14px; padding: 0 8px 16px; }
              .apphead { flex-wrap: wrap; gap: 10px; margin: 0 -8px; padding: 8px; }
              table { display: block; overflow-x: auto; }
            }
            """;

    static byte[] render(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String page(PoliticalMap political) {
        Opportunity o = political.opportunity();
        AssessmentViews.View assessment = assessments.assessments(List.of(o)).get(o);
        AssessmentViews.StrategyView strategy = assessments.strategies(List.of(o)).get(o);
        PlanViews.PlanView plan = plans.plan(o);
        Optional<AnalysedAccount> analysis = analyses.analysis(o.account())
                .filter(a -> a.network().deals().containsKey(o.key()));
        StringBuilder h = new StringBuilder(16_000);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"UTF-8\"/>")
                .append("<title>").append(t("Plan: " + o.name())).append("</title><style>").append(CSS)
                .append("</style></head><body>");
        h.append("<h1>").append(t(o.name())).append("</h1><p class=\"sub\">")
                .append(t(political.account().name())).append(" &#183; ")
                .append(t(o.amount() == null ? "no amount" : String.format("%,.0f %s", o.amount(),
                        o.currency() == null ? "" : o.currency()).trim()))
                .append(" &#183; close ").append(t(o.closeDate() == null ? "not set" : o.closeDate().toString()))
                .append(" &#183; stage ").append(t(stage(o)))
                .append(" &#183; against ").append(t(assessment.competitors().stream().map(Competitor::name)
                        .collect(Collectors.joining(", ")).transform(s -> s.isEmpty() ? "no named competitor" : s)))
                .append("</p>");

        h.append("<h2>Goal and objective</h2><p><b>Goal:</b> ").append(t(or(plan.goal(), "not set")))
                .append("<br/><b>Objective:</b> ").append(t(or(plan.objective(), "not set")))
                .append(plan.offering() == null ? "" : " <b>Offering:</b> " + t(plan.offering())).append("</p>");
        if (!plan.objectiveCheck().complete()) {
            h.append("<p class=\"warn\">").append(t("Objective: " + String.join("; ",
                    plan.objectiveCheck().problems()))).append("</p>");
        }

        h.append("<h2>Map summary</h2>");
        mapSummary(h, political, analysis, o);

        h.append("<h2>Assessment</h2><table><tr><th>#</th><th>Criterion</th><th>Us</th>");
        assessment.competitors().forEach(c -> h.append("<th>").append(t(c.name())).append("</th>"));
        h.append("<th>Map suggests</th><th>Note</th></tr>");
        for (AssessmentViews.QuestionView q : assessment.questions()) {
            h.append("<tr class=\"q\"><td colspan=\"").append(5 + assessment.competitors().size()).append("\">")
                    .append(t(q.summary().text()))
                    .append("</td></tr>");
            for (CriterionView c : q.criteria()) {
                h.append("<tr><td>").append(c.number()).append("</td><td>").append(t(c.name())).append("</td><td>")
                        .append(symbol(c.us())).append("</td>");
                c.competitors().forEach(r -> h.append("<td>").append(symbol(r.rating())).append("</td>"));
                h.append("<td>").append(c.suggested() == null ? "" : symbol(c.suggested().rating())
                        + t(" " + c.suggested().reasons().get(0))).append("</td><td>")
                        .append(t(or(c.note(), ""))).append("</td></tr>");
            }
        }
        h.append("</table><p>").append(t(assessment.overall().text()))
                .append(assessment.unknowns().isEmpty() ? "" : t("; unknowns: " + assessment.unknowns().stream()
                        .map(u -> "#" + u.number()).collect(Collectors.joining(" "))))
                .append("</p>");

        h.append("<h2>Competitive strategy</h2><p>");
        if (strategy.choice() != null) {
            h.append("<b>").append(t(CompetitiveStrategy.valueOf(strategy.choice().strategy().name()).title()))
                    .append("</b>, chosen ").append(strategy.choice().chosenOn()).append(": ")
                    .append(t(strategy.choice().rationale()));
            if (strategy.choice().shift() != null && strategy.choice().shift().material()) {
                h.append("<br/><span class=\"warn\">").append(t("Assessment shifted: "
                        + String.join("; ", strategy.choice().shift().reasons()))).append("</span>");
            }
        } else {
            h.append("<b>").append(t(o.strategy() == null ? "Not chosen"
                    : CompetitiveStrategy.valueOf(o.strategy()).title() + " (no rationale recorded)"))
                    .append("</b>");
        }
        h.append("<br/>Decision tree: ").append(t(strategy.advice().summary())).append("</p>");

        h.append("<h2>Tactics</h2><table><tr><th>PRIME</th><th>What</th><th>Owner</th><th>Due</th>")
                .append("<th>Resources</th><th>Cost</th><th>Done</th></tr>");
        for (Tactic tactic : plan.data().tactics()) {
            h.append("<tr").append(tactic.overdue(store.today()) ? " class=\"late\"" : "").append("><td>")
                    .append(tactic.prime() == null ? "" : t(tactic.prime().title())).append("</td><td>")
                    .append(t(tactic.what())).append("</td><td>").append(t(or(tactic.ownerName(), "-")))
                    .append("</td><td>").append(tactic.due() == null ? "-" : tactic.due()).append("</td><td>")
                    .append(t(or(tactic.resources(), ""))).append("</td><td>")
                    .append(tactic.cost() == null ? "" : String.format("%,.0f", tactic.cost())).append("</td><td>")
                    .append(tactic.done() ? "yes" : "no").append("</td></tr>");
        }
        h.append("</table>");
        List<PlanChecks.Check> checks = plan.checks(store.today());
        if (!checks.isEmpty()) {
            h.append("<h2>Plan checks</h2><ul>");
            checks.forEach(c -> h.append("<li>").append(t(c.severity() + ": " + c.message())).append("</li>"));
            h.append("</ul>");
        }
        h.append("<p class=\"foot\">Printed ").append(store.today()).append(" &#183; InnerCircle &#183; ")
                .append(t(o.id())).append("</p></body></html>");
        return h.toString();
    }

    private void mapSummary(StringBuilder h, PoliticalMap political, Optional<AnalysedAccount> analysis,
                            Opportunity o) {
        Set<String> circle = analysis.map(a -> a.innerCircle().people().stream()
                .filter(PersonInfluence::treatedAsInnerCircle).map(PersonInfluence::key)
                .collect(Collectors.toSet())).orElse(Set.of());
        h.append("<table><tr><th>Person</th><th>Title</th><th>Roles</th><th>Status</th><th>Coverage</th>")
                .append("<th>Inner Circle</th></tr>");
        for (PoliticalMap.MapPerson p : political.people()) {
            boolean ic = circle.contains(p.stakeholder().key());
            if (p.roles().isEmpty() && p.status() == null && !ic) {
                continue;
            }
            h.append("<tr><td>").append(t(p.stakeholder().name())).append("</td><td>")
                    .append(t(or(p.stakeholder().title(), ""))).append("</td><td>")
                    .append(t(p.roles().stream().map(PrintablePlan::words).collect(Collectors.joining(", "))))
                    .append("</td><td>").append(t(p.status() == null ? "-" : words(p.status()))).append("</td><td>")
                    .append(t(words(p.coverage()))).append("</td><td>").append(ic ? "yes" : "")
                    .append("</td></tr>");
        }
        h.append("</table>");
        analysis.ifPresent(a -> {
            List<HealthWarning> warnings = a.health(o.key(), HealthParameters.asOf(store.today())).warnings();
            if (!warnings.isEmpty()) {
                h.append("<p>Map health: ").append(t(warnings.stream().limit(4)
                        .map(w -> w.severity() + " " + w.message()).collect(Collectors.joining(" | "))))
                        .append(warnings.size() > 4 ? t(" (+" + (warnings.size() - 4) + " more)") : "")
                        .append("</p>");
            }
        });
    }

    private static String stage(Opportunity o) {
        if (o.stage() == null) {
            return "not set";
        }
        SalesStage s = SalesStage.valueOf(o.stage());
        return s.title() + " (" + s.probability() + "%)";
    }

    private static String symbol(Rating r) {
        return r == null ? "" : t(r.symbol());
    }

    private static String words(String constant) {
        String w = constant.toLowerCase().replace('_', ' ');
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Escaped for XHTML, arrows in ASCII so the PDF's standard fonts can show them. */
    static String t(String text) {
        String ascii = text.replace("→", "->").replace("↔", "<->").replace("—", "-").replace("–", "-");
        return HtmlUtils.htmlEscape(ascii, "UTF-8");
    }

    private static final String CSS = """
            @page { size: A4; margin: 10mm; }
            body { font-family: Helvetica, Arial, sans-serif; font-size: 7pt; color: #111; }
            h1 { font-size: 13pt; margin: 0; }
            h2 { font-size: 9pt; margin: 5pt 0 2pt 0; border-bottom: 0.5pt solid #999; }
            p { margin: 2pt 0; }
            .sub { color: #444; }
            .warn { color: #a00; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border: 0.4pt solid #bbb; padding: 1pt 2pt; text-align: left; vertical-align: top; }
            th { background: #eee; }
            tr.q td { background: #f5f5f5; font-weight: bold; }
            tr.late td { color: #a00; }
            ul { margin: 2pt 0; padding-left: 12pt; }
            .foot { color: #777; margin-top: 4pt; }
            """;
}
