#pragma once
// The demo authority's rows of the rest of the 903 (PRODUCT §11), as domain/demoreturns makes
// them and ReturnStore::writeDemo writes them. Children by index into DemoData::children.
#include <QByteArray>
#include <QDate>
#include <QVector>

struct DemoReturnData {
    struct Review { int child; QDate date; const char *code; };
    struct Missing { int child; bool away; QDate start, end; };
    struct Oc2 { int child; int year; int sdq; bool healthCheck, teethCheck, immunisations; };  // sdq -1: none (SDQ1-5)
    struct Oc3 { int child; int year; const char *inTouch, *activ, *accom; };
    struct Ad1 { int child; int year; QDate dateInt, dateMatch; };
    struct Placed { int child; QDate placed, ceased; const char *reason; };
    struct PrevPerm { int child; int year; const char *prevPerm; };
    struct SocialWorker { int child; QByteArray id; QDate start, end; const char *reason; };

    QVector<Review> reviews;
    QVector<Missing> missing;
    QVector<Oc2> oc2;
    QVector<Oc3> oc3;
    QVector<Ad1> ad1;
    QVector<Placed> placed;
    QVector<PrevPerm> prevPerm;
    QVector<SocialWorker> socialWorkers;
};
