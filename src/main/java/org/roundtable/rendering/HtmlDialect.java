package org.roundtable.rendering;

import java.util.Set;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.processor.AbstractStandardExpressionAttributeTagProcessor;
import org.thymeleaf.standard.processor.StandardUtextTagProcessor;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * {@code rt:html="${...}"}: puts already-safe HTML in the element, as {@code th:utext} does, but hands Thymeleaf
 * the value as it is instead of a string made of it. A value that writes itself (Thymeleaf's
 * {@code IWritableCharSequence}, as the threads of comments do) then goes straight into the page.
 */
final class HtmlDialect extends AbstractProcessorDialect {

    HtmlDialect() {
        super("Roundtable", "rt", StandardDialect.PROCESSOR_PRECEDENCE);
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        return Set.of(new HtmlAttribute(dialectPrefix));
    }

    private static final class HtmlAttribute extends AbstractStandardExpressionAttributeTagProcessor {

        HtmlAttribute(String dialectPrefix) {
            super(TemplateMode.HTML, dialectPrefix, "html", StandardUtextTagProcessor.PRECEDENCE, true);
        }

        @Override
        protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
                                 String attributeValue, Object html, IElementTagStructureHandler structure) {
            if (html instanceof CharSequence text) {
                structure.setBody(text, false);
            } else {
                structure.setBody(html == null ? "" : html.toString(), false);
            }
        }
    }
}
