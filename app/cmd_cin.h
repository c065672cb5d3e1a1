#pragma once
// The CIN census's measures (PRODUCT §10) on the command line: their keys in `indicators`, their
// series in `series` (and `series --list`), and the children behind each figure.
#include <QDate>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QVector>

class IndicatorEngine;
class Store;

namespace Cli::CinKeys {

// Appends every §10 key at `at` (numbers unrounded, null where there is no denominator).
void appendIndicators(const IndicatorEngine &engine, const QDate &at, QList<QPair<QString, QJsonValue>> *fields);
// `key<TAB>unit<TAB>title` lines for `series --list`.
QStringList listLines();
// True if `key` is a §10 key.
bool isKey(const QString &key);
// Prints the series of a §10 key in the format of `series` (json or csv).
void printSeries(const IndicatorEngine &engine, const QString &key, const QString &step, const QVector<QDate> &dates, const QString &format);
// Prints the children behind `key` at `at`: child_ref,dob, one a line, with a header row.
bool printChildren(Store &store, const IndicatorEngine &engine, const QString &key, const QDate &at);

} // namespace Cli::CinKeys
