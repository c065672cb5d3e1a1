#pragma once
// Providers' Ofsted judgements as PanelStore reads them from placement rows; the panel rules'
// flag 4 asks it which judgement was in force at a date.
#include <QDate>
#include <QHash>
#include <QString>
#include <QVector>

// The latest Ofsted judgement of each provider. A provider's rating is recorded on each of its
// placement rows with the date it was given; the judgement that counts at D is the one with the
// latest rated_on on or before D, whichever row it was recorded on, so a provider re-rated from
// Inadequate to Good stops flagging its children from the day of the new judgement. A judgement
// dated after D did not exist yet at D; an undated one counts only when no dated one does.
class ProviderRatings
{
public:
    void add(const QString &provider, const QString &rating, const QDate &ratedOn);
    // Rating in force at D (empty if none known), and its date in *ratedOn.
    QString ratingAt(const QString &provider, const QDate &d, QDate *ratedOn = nullptr) const;

private:
    struct Judgement {
        QString rating;
        QDate ratedOn;
    };
    QHash<QString, QVector<Judgement>> m_byProvider;
};
