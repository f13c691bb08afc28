#include "dashboard/csv_exporter.hpp"

#include <QDateTime>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace liveml::dashboard {

namespace {

// Shortest text that reads back as the same double.
QString number(double value) {
    if (!std::isfinite(value)) return {};
    char text[32];
    const auto result = std::to_chars(std::begin(text), std::end(text), value);
    return QString::fromLatin1(text, int(result.ptr - text));
}

QString xText(series::AxisMode mode, double x) {
    if (mode == series::AxisMode::Step) return number(x);
    return QDateTime::fromMSecsSinceEpoch(std::llround(x * 1000), Qt::UTC)
        .toString(Qt::ISODateWithMs);
}

} // namespace

QString CsvExporter::field(const QString& text) {
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString CsvExporter::table(const std::vector<Column>& columns, series::AxisMode mode, double lo,
                           double hi) {
    QString out = mode == series::AxisMode::Step ? QStringLiteral("step") : QStringLiteral("time");
    for (const auto& column : columns)
        out += QLatin1Char(',') + field(column.name);
    out += QStringLiteral("\r\n");

    // Merge the series by x: each cursor walks its series inside [lo, hi] once.
    std::vector<std::size_t> cursor(columns.size()), end(columns.size());
    for (std::size_t c = 0; c < columns.size(); ++c) {
        cursor[c] = columns[c].series->lowerBound(mode, lo);
        end[c] = columns[c].series->lowerBound(mode, std::nextafter(hi, INFINITY));
    }
    for (;;) {
        double x = INFINITY;
        for (std::size_t c = 0; c < columns.size(); ++c)
            if (cursor[c] < end[c]) x = std::min(x, (*columns[c].series)[cursor[c]].x(mode));
        if (x == INFINITY) break;
        out += xText(mode, x);
        for (std::size_t c = 0; c < columns.size(); ++c) {
            QString cell;
            // Several points at one x (a repeated step) keep the last, as a chart shows it.
            while (cursor[c] < end[c] && (*columns[c].series)[cursor[c]].x(mode) == x)
                cell = number((*columns[c].series)[cursor[c]++].value);
            out += QLatin1Char(',') + cell;
        }
        out += QStringLiteral("\r\n");
    }
    return out;
}

} // namespace liveml::dashboard
