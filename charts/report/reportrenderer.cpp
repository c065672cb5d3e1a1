#include "reportrenderer.h"

#include "core/dates.h"

#include <QChart>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QPageLayout>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QRegularExpression>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextOption>

#include <cmath>

namespace ReportRenderer {

namespace {

// The largest table image written (pixels): Qt's image readers refuse images over 128 MB
// decoded (QImageReader::allocationLimit), i.e. 32 million 32-bit pixels; a larger PNG would not
// open in Qt applications and is unwieldy anywhere else.
constexpr qreal maxImagePixels = 30e6;

QFont font(double pt, bool bold = false)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(pt);
    f.setBold(bold);
    return f;
}

const QColor ink(0x1a, 0x1a, 0x1a);
const QColor muted(0x55, 0x55, 0x55);
const QColor headerFill(0xe8, 0xee, 0xf3);
const QColor stripe(0xf6, 0xf6, 0xf6);
const QColor markingRed(0xa0, 0x10, 0x10);

// Paints a chart built for the screen into `target`, as vector graphics: the chart is laid out at
// a screen-like logical size and scaled, so its type keeps its proportions on paper.
void paintChart(QPainter &p, const ReportBlock &block, const QRectF &target)
{
    if (!block.chart)
        return;
    QChart *chart = block.chart();
    if (!chart)
        return;
    QGraphicsScene scene; // owns the chart once added
    const qreal logicalWidth = 780;
    const qreal logicalHeight = logicalWidth * target.height() / target.width();
    chart->setAnimationOptions(QChart::NoAnimation);
    scene.addItem(chart);
    chart->setGeometry(QRectF(0, 0, logicalWidth, logicalHeight));
    scene.setSceneRect(0, 0, logicalWidth, logicalHeight);
    scene.render(&p, target, QRectF(0, 0, logicalWidth, logicalHeight), Qt::KeepAspectRatio);
}

struct Layout {
    const ReportDocument &doc;
    QPagedPaintDevice *device = nullptr; // null in the measuring pass
    QPainter *p = nullptr;
    QPaintDevice *metrics;               // for font metrics in both passes
    qreal pxPerMm;
    QRectF content;
    int page = 0;
    int totalPages = 0;
    qreal y = 0;
    QVector<QPair<QString, int>> contentsEntries;  // collected while laying out
    QVector<QPair<QString, int>> contentsToPrint;  // from the measuring pass

    Layout(const ReportDocument &d, QPaintDevice *m) : doc(d), metrics(m)
    {
        pxPerMm = m->logicalDpiX() / 25.4;
        const qreal w = m->width(), h = m->height();
        content = QRectF(18 * pxPerMm, 22 * pxPerMm, w - 36 * pxPerMm, h - 44 * pxPerMm);
    }

    qreal mm(double v) const { return v * pxPerMm; }
    bool painting() const { return p != nullptr; }
    qreal remaining() const { return content.bottom() - y; }

    QRectF textRect(const QString &text, const QFont &f, qreal width, int flags = Qt::TextWordWrap) const
    {
        QFontMetricsF fm(f, metrics);
        return fm.boundingRect(QRectF(0, 0, width, 1e9), flags, text);
    }

    void drawFrame()
    {
        if (!painting())
            return;
        p->save();
        p->setPen(markingRed);
        p->setFont(font(10, true));
        const QString marking = doc.marking();
        p->drawText(QRectF(0, mm(6), metrics->width(), mm(8)), Qt::AlignCenter, marking);
        p->drawText(QRectF(0, metrics->height() - mm(12), metrics->width(), mm(7)), Qt::AlignCenter, marking);
        p->setPen(muted);
        p->setFont(font(8));
        // The page number keeps its room; the line beside it is cut short ("…") rather than run into it.
        const QString pageText = QStringLiteral("Page %1 of %2").arg(page).arg(totalPages);
        const QFontMetricsF fm(p->font(), metrics);
        const qreal pageWidth = fm.horizontalAdvance(pageText) + mm(4);
        // The public version says so first, where a cut line cannot lose it.
        const QString line = QStringLiteral("%1%2 · produced %3 · %4")
                                 .arg(doc.publicMode ? QStringLiteral("Public version: small numbers shown as c · ") : QString(),
                                      doc.authority, Dates::uk(doc.produced), doc.title);
        p->drawText(QRectF(content.left(), metrics->height() - mm(17), content.width() - pageWidth, mm(5)), Qt::AlignLeft | Qt::AlignVCenter,
                    fm.elidedText(line, Qt::ElideRight, content.width() - pageWidth));
        p->drawText(QRectF(content.left(), metrics->height() - mm(17), content.width(), mm(5)), Qt::AlignRight | Qt::AlignVCenter, pageText);
        p->restore();
    }

    void newPage()
    {
        if (painting() && page > 0)
            device->newPage();
        ++page;
        y = content.top();
        drawFrame();
    }

    void ensure(qreal height)
    {
        if (y + height > content.bottom() && y > content.top() + 1)
            newPage();
    }

    void titlePage()
    {
        newPage();
        if (!painting())
            return;
        qreal ty = content.top() + mm(60);
        const auto line = [&](const QString &text, const QFont &f, const QColor &c, qreal gap) {
            const QRectF r = textRect(text, f, content.width(), Qt::TextWordWrap | Qt::AlignLeft);
            p->setFont(f);
            p->setPen(c);
            p->drawText(QRectF(content.left(), ty, content.width(), r.height()), Qt::TextWordWrap | Qt::AlignLeft, text);
            ty += r.height() + gap;
        };
        line(doc.title, font(26, true), ink, mm(8));
        line(doc.authority, font(16), ink, mm(4));
        line(doc.period, font(14), muted, mm(4));
        line(QStringLiteral("Produced %1").arg(Dates::uk(doc.produced)), font(12), muted, mm(14));
        line(QStringLiteral("Security marking: %1").arg(doc.marking()), font(13, true), markingRed, mm(4));
        if (doc.publicMode)
            line(QStringLiteral("Public version. Counts of 1 to 5, and every figure computed from them (rates, percentages, "
                                "costs, averages, chart values), are shown as \"c\" (the DfE's convention for confidential "
                                "small numbers), in every column. A share is shown as \"c\" when either its children or the "
                                "rest of its group number 1 to 5. Where a total is shown with its parts and the parts shown "
                                "as \"c\" would together hold 1 to 5 children, the next smallest part (or the total) is "
                                "shown as \"c\" too, so that no suppressed figure can be found by subtraction. Charts "
                                "draw no value that their table suppresses. Tables about individual children are not "
                                "included."),
                 font(11), ink, 0);
    }

    void contentsPage()
    {
        newPage();
        if (!painting())
            return;
        p->setFont(font(18, true));
        p->setPen(ink);
        p->drawText(QRectF(content.left(), y, content.width(), mm(12)), Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("Contents"));
        qreal cy = y + mm(18);
        p->setFont(font(11));
        for (const auto &[text, pageNo] : contentsToPrint) {
            const QRectF row(content.left(), cy, content.width(), mm(8));
            p->drawText(row, Qt::AlignLeft | Qt::AlignVCenter, text);
            p->drawText(row, Qt::AlignRight | Qt::AlignVCenter, QString::number(pageNo));
            cy += mm(8);
        }
    }

    void heading(const ReportBlock &b)
    {
        const QFont f = font(b.level == 1 ? 16 : 12.5, true);
        const QRectF r = textRect(b.text, f, content.width());
        // Keep a heading with what follows it.
        ensure(r.height() + mm(b.level == 1 ? 60 : 30));
        if (b.level == 1 && y > content.top() + 1)
            y += mm(4);
        if (b.level == 1)
            contentsEntries << qMakePair(b.text, page);
        if (painting()) {
            p->setFont(f);
            p->setPen(ink);
            p->drawText(QRectF(content.left(), y, content.width(), r.height()), Qt::TextWordWrap, b.text);
        }
        y += r.height() + mm(3);
    }

    void paragraph(const ReportBlock &b)
    {
        const QFont f = font(10);
        const QRectF r = textRect(b.text, f, content.width());
        ensure(r.height());
        if (painting()) {
            p->setFont(f);
            p->setPen(ink);
            p->drawText(QRectF(content.left(), y, content.width(), r.height()), Qt::TextWordWrap, b.text);
        }
        y += r.height() + mm(4);
    }

    void chart(const ReportBlock &b)
    {
        const qreal h = std::min(mm(b.chartHeightMm), content.height());
        ensure(h);
        if (painting())
            paintChart(*p, b, QRectF(content.left(), y, content.width(), h));
        y += h + mm(4);
    }

    void table(const TableData &t)
    {
        if (doc.publicMode && t.childLevel)
            return;
        const QFont titleFont = font(10.5, true);
        const int cols = int(t.headers.size());
        if (cols == 0)
            return;
        // Column widths: every column at least as wide as its longest word (no word is ever cut),
        // the rest of the page shared in proportion to how much wider each would like to be.
        // If even the longest words do not fit, the table's type is made smaller until they do.
        const qreal pad = mm(1.5);
        QFont body = font(8.5), head = font(8.5, true);
        QVector<qreal> want(cols, 0), minimum(cols, 0);
        for (int attempt = 0; attempt < 6; ++attempt) {
            QFontMetricsF fb(body, metrics), fh(head, metrics);
            std::fill(want.begin(), want.end(), 0.0);
            std::fill(minimum.begin(), minimum.end(), 0.0);
            const auto words = [](const QString &s) { return s.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts); };
            for (int c = 0; c < cols; ++c) {
                for (const QString &word : words(t.headers[c]))
                    minimum[c] = std::max(minimum[c], fh.horizontalAdvance(word));
                want[c] = std::max(minimum[c], fh.horizontalAdvance(t.headers[c]) * 0.55);
            }
            for (const auto &row : t.rows)
                for (int c = 0; c < cols && c < row.size(); ++c) {
                    const QString cell = TableData::display(row[c], doc.publicMode);
                    for (const QString &word : words(cell))
                        minimum[c] = std::max(minimum[c], fb.horizontalAdvance(word));
                    want[c] = std::max(want[c], fb.horizontalAdvance(cell));
                }
            qreal minTotal = 0, wantTotal = 0;
            for (int c = 0; c < cols; ++c) {
                minimum[c] += 2 * pad + 1;
                want[c] = std::max(want[c] + 2 * pad + 1, minimum[c]);
                minTotal += minimum[c];
                wantTotal += want[c];
            }
            if (minTotal > content.width() && attempt < 5) {
                const qreal shrink = std::max(0.7, content.width() / minTotal);
                body.setPointSizeF(body.pointSizeF() * shrink);
                head.setPointSizeF(head.pointSizeF() * shrink);
                continue;
            }
            if (wantTotal <= content.width()) {
                const qreal scale = content.width() / wantTotal;
                for (qreal &w : want)
                    w *= scale;
            } else {
                const qreal k = (content.width() - minTotal) / std::max<qreal>(1, wantTotal - minTotal);
                for (int c = 0; c < cols; ++c)
                    want[c] = minimum[c] + std::max<qreal>(0, want[c] - minimum[c]) * k;
            }
            break;
        }

        const auto rowHeight = [&](const QStringList &cells, const QFont &f) {
            qreal h = 0;
            for (int c = 0; c < cols; ++c)
                h = std::max(h, textRect(cells.value(c), f, want[c] - 2 * pad).height());
            return h + 2 * pad;
        };
        const auto drawRow = [&](const QStringList &cells, const QVector<bool> &numeric, const QFont &f, qreal h, const QColor &fill) {
            if (!painting())
                return;
            qreal x = content.left();
            if (fill.isValid())
                p->fillRect(QRectF(x, y, content.width(), h), fill);
            p->setFont(f);
            p->setPen(ink);
            for (int c = 0; c < cols; ++c) {
                const int align = (numeric.value(c) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter | Qt::TextWordWrap;
                p->drawText(QRectF(x + pad, y + pad, want[c] - 2 * pad, h - 2 * pad), align, cells.value(c));
                x += want[c];
            }
        };
        QVector<bool> headNumeric(cols, false);
        if (!t.rows.isEmpty())
            for (int c = 0; c < cols && c < t.rows.first().size(); ++c)
                headNumeric[c] = t.rows.first()[c].numeric;
        const qreal headH = rowHeight(t.headers, head);
        const auto header = [&] {
            drawRow(t.headers, headNumeric, head, headH, headerFill);
            y += headH;
        };
        const qreal titleH = t.title.isEmpty() ? 0 : textRect(t.title, titleFont, content.width()).height() + mm(2);
        ensure(titleH + headH * 3);
        if (!t.title.isEmpty()) {
            if (painting()) {
                p->setFont(titleFont);
                p->setPen(ink);
                p->drawText(QRectF(content.left(), y, content.width(), titleH), Qt::TextWordWrap, t.title);
            }
            y += titleH;
        }
        header();
        for (int r = 0; r < t.rows.size(); ++r) {
            QStringList cells;
            QVector<bool> numeric;
            for (const TableCell &c : t.rows[r]) {
                cells << TableData::display(c, doc.publicMode);
                numeric << c.numeric;
            }
            const qreal h = rowHeight(cells, body);
            if (y + h > content.bottom()) {
                newPage();
                header();
            }
            drawRow(cells, numeric, body, h, r % 2 ? stripe : QColor());
            y += h;
        }
        if (painting()) {
            p->setPen(QPen(muted, mm(0.2)));
            p->drawLine(QPointF(content.left(), y), QPointF(content.right(), y));
        }
        y += mm(2);
        if (!t.note.isEmpty()) {
            const QFont nf = font(8);
            const QRectF r = textRect(t.note, nf, content.width());
            ensure(r.height());
            if (painting()) {
                p->setFont(nf);
                p->setPen(muted);
                p->drawText(QRectF(content.left(), y, content.width(), r.height()), Qt::TextWordWrap, t.note);
            }
            y += r.height();
        }
        y += mm(5);
    }

    void run()
    {
        page = 0;
        contentsEntries.clear();
        if (doc.titlePage)
            titlePage();
        if (doc.contents)
            contentsPage();
        newPage();
        for (const ReportBlock &b : doc.blocks) {
            switch (b.kind) {
            case ReportBlock::Heading: heading(b); break;
            case ReportBlock::Paragraph: paragraph(b); break;
            case ReportBlock::Chart: chart(b); break;
            case ReportBlock::Table: table(b.table); break;
            case ReportBlock::PageBreak:
                if (y > content.top() + 1)
                    newPage();
                break;
            }
        }
    }
};

} // namespace

int paint(const ReportDocument &doc, QPagedPaintDevice *device)
{
    // First pass measures (page count, contents page numbers); the second paints the same layout.
    Layout measure(doc, device);
    measure.run();
    Layout layout(doc, device);
    layout.totalPages = measure.page;
    layout.contentsToPrint = measure.contentsEntries;
    QPainter painter(device);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    layout.device = device;
    layout.p = &painter;
    layout.run();
    painter.end();
    return measure.page;
}

// Opens `file` for writing readable by its owner only: an export is OFFICIAL at least, and the
// default (0644 under the usual umask) lets every local user read it. QSaveFile writes a
// temporary file and renames it, so the mode is set on what becomes the file.
static bool openPrivate(QSaveFile &file)
{
    return file.open(QIODevice::WriteOnly) && file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

bool writePdf(const ReportDocument &doc, const QString &path, QString *error, int *pages)
{
    QSaveFile file(path);
    if (!openPrivate(file)) {
        *error = QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    int count = 0;
    {
        QPdfWriter writer(&file);
        writer.setResolution(300);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        writer.setTitle(doc.title);
        writer.setCreator(QStringLiteral("Careboard"));
        count = paint(doc, &writer);
    }
    if (!file.commit()) {
        *error = QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    if (pages)
        *pages = count;
    return true;
}

QImage renderBlock(const ReportBlock &block, bool publicMode, int dpi, double widthMm)
{
    const qreal pxPerMm = dpi / 25.4;
    const int width = int(widthMm * pxPerMm);
    if (block.kind == ReportBlock::Chart) {
        QImage image(width, int(block.chartHeightMm * pxPerMm), QImage::Format_ARGB32_Premultiplied);
        image.setDotsPerMeterX(int(dpi / 0.0254));
        image.setDotsPerMeterY(int(dpi / 0.0254));
        image.fill(Qt::white);
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        paintChart(p, block, QRectF(0, 0, image.width(), image.height()));
        return image;
    }
    // A table: measure it on one endless page, then paint it onto an image of that height
    // (a fixed-height page would have needed a page break, which an image cannot take).
    ReportDocument doc;
    doc.publicMode = publicMode;
    doc.blocks << block;
    QImage probe(8, 8, QImage::Format_ARGB32_Premultiplied);
    probe.setDotsPerMeterX(int(dpi / 0.0254));
    probe.setDotsPerMeterY(int(dpi / 0.0254));
    Layout measure(doc, &probe);
    measure.content = QRectF(4 * pxPerMm, 4 * pxPerMm, width, 1e12);
    measure.page = 1;
    measure.y = measure.content.top();
    measure.table(block.table);
    const qreal height = measure.y + 8 * pxPerMm;
    if ((width + 8 * pxPerMm) * height > maxImagePixels)
        return QImage(); // too long for one image: the PDF or the CSV
    QImage page(width + int(8 * pxPerMm), int(std::ceil(height)), QImage::Format_ARGB32_Premultiplied);
    page.setDotsPerMeterX(int(dpi / 0.0254));
    page.setDotsPerMeterY(int(dpi / 0.0254));
    page.fill(Qt::white);
    Layout layout(doc, &page);
    layout.content = QRectF(4 * pxPerMm, 4 * pxPerMm, width, 1e12);
    QPainter p(&page);
    p.setRenderHint(QPainter::TextAntialiasing);
    layout.p = &p;
    layout.page = 1;
    layout.y = layout.content.top();
    layout.table(block.table);
    p.end();
    return page.copy(0, 0, width + int(8 * pxPerMm), int(layout.y + 4 * pxPerMm));
}

QImage markedImage(const ReportBlock &block, bool publicMode, int dpi)
{
    const QImage inner = renderBlock(block, publicMode, dpi);
    if (inner.isNull())
        return inner;
    ReportDocument doc;
    doc.publicMode = publicMode;
    doc.blocks << block;
    const QString marking = doc.marking();
    const qreal pxPerMm = dpi / 25.4;
    const int band = int(std::ceil(8 * pxPerMm));
    QImage image(inner.width(), inner.height() + 2 * band, QImage::Format_ARGB32_Premultiplied);
    image.setDotsPerMeterX(inner.dotsPerMeterX());
    image.setDotsPerMeterY(inner.dotsPerMeterY());
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.drawImage(0, band, inner);
    p.setPen(markingRed);
    QFont f = font(10, true);
    f.setPixelSize(std::max(8, int(4 * pxPerMm)));
    p.setFont(f);
    p.drawText(QRect(0, 0, image.width(), band), Qt::AlignCenter, marking);
    p.drawText(QRect(0, image.height() - band, image.width(), band), Qt::AlignCenter, marking);
    p.end();
    return image;
}

bool writePng(const ReportBlock &block, bool publicMode, const QString &path, int dpi, QString *error)
{
    const QImage image = markedImage(block, publicMode, dpi);
    if (image.isNull()) {
        *error = QStringLiteral("The table has %1 rows: too long for one image at %2 dpi. Export it as PDF or CSV, or choose a "
                                "lower resolution.").arg(block.table.rows.size()).arg(dpi);
        return false;
    }
    QSaveFile file(path);
    if (!openPrivate(file) || !image.save(&file, "PNG") || !file.commit()) {
        *error = QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QByteArray csvWithMarking(const TableData &table, bool publicMode)
{
    return "# " + table.marking(publicMode).toUtf8() + (publicMode ? " - public version: counts of 1 to 5 shown as c" : "")
           + "\r\n" + table.toCsv(publicMode);
}

bool writeCsv(const TableData &table, bool publicMode, const QString &path, QString *error)
{
    if (publicMode && table.childLevel) {
        *error = QStringLiteral("This table lists individual children and cannot be exported in public mode.");
        return false;
    }
    QSaveFile file(path);
    if (!openPrivate(file) || file.write(csvWithMarking(table, publicMode)) < 0 || !file.commit()) {
        *error = QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace ReportRenderer
