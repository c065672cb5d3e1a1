#pragma once
// The rest of the 903 in the store (PRODUCT §11): reviews, missing episodes, OC2, OC3 (care
// leavers), AD1, placed for adoption, previous permanence and social worker episodes. Each row
// carries the return (financial year) it came in; importing a return again replaces that
// return's rows of the table, and the readers give the indicator engine plain rows.
#include "core/importtypes.h"

#include <QString>
#include <QVector>

#include <functional>
#include <string_view>

class Store;
struct DemoData;
namespace ImportTable { struct Table; }

struct ReviewRow { qint64 childId; qint32 date; QString code; int returnYear; };
struct MissingRow { qint64 childId; bool away; qint32 start; qint32 end; int returnYear; };  // end 0: open
struct Oc2Row {
    qint64 childId; int returnYear;
    int sdqScore;  // -1: none
    int healthCheck, immunisations, teethCheck, healthAssessment;  // 1, 0, or -1 when not given
};
struct Oc3Row { qint64 childId; int returnYear; qint64 importId; QString inTouch, activ, accom; qint32 dob; };  // dob 0: unknown
struct Ad1Row { qint64 childId; int returnYear; qint32 dateInt, dateMatch; };
struct PlacedAdoptionRow { qint64 childId; qint32 placed, ceased; QString reason; int returnYear; };
struct SwEpisodeRow { qint64 childId; QString swId; qint32 start, end; int returnYear; };

class ReturnStore
{
public:
    explicit ReturnStore(Store &store) : m_store(store) {}

    // Replaces the table's rows of `returnYear` by the parsed ones, inside the caller's
    // transaction. `childId` gives (or creates) the store's id for a child reference.
    bool write(const ImportTable::Table &table, int returnYear, qint64 importId,
               const std::function<bool(std::string_view ref, qint64 *id)> &childId, ImportFileSummary *summary, QString *error);

    // The demo authority's rows (DemoData::returns), its children's ids being index + 1.
    bool writeDemo(const DemoData &data, QString *error);

    QVector<ReviewRow> reviews() const;
    QVector<MissingRow> missing() const;
    QVector<Oc2Row> oc2() const;
    QVector<Oc3Row> careLeavers() const;
    QVector<Ad1Row> adoptionDecisions() const;
    QVector<PlacedAdoptionRow> placedForAdoption() const;
    QVector<SwEpisodeRow> swEpisodes() const;
    // Rows of one of the tables (core/returnkinds.h names them), for tests and the Data screen.
    qint64 rowCount(ImportKind kind) const;

private:
    Store &m_store;
};
