#pragma once
// Reads the CIN census XML (PRODUCT §10) as the case system wrote it, streamed with
// QXmlStreamReader (a region's census is hundreds of megabytes: never held whole): children,
// referrals (CINdetails) with their assessments, CIN plans, section 47 enquiries and CP plans.
// Names, UPNs and former UPNs are read past and never kept. Format errors (a value that is not a
// date, a flag or a number; a child or referral without its key) name the child and the
// element and reject the file; what real censuses contain (dates out of order, unknown codes,
// an ICPC marked not required, a plan with no start, duplicate referrals, a child with no
// CINdetails) are findings.
#include "core/cincensus.h"
#include "core/importtypes.h"

#include <QByteArray>
#include <QString>

#include <functional>

class QIODevice;

class CinCensusReader
{
public:
    using ErrorSink = std::function<void(const ImportError &)>;
    using FindingSink = std::function<void(const ImportFinding &)>;
    // Called every few hundred children; false cancels.
    using Tick = std::function<bool(qint64 referrals)>;

    // True if `head` (the first bytes of a file) opens a CIN census: root <Message> whose
    // <Header> names the <Collection> CIN.
    static bool isCensus(const QByteArray &head);

    CinCensusReader(const QString &fileName, ErrorSink errors, FindingSink findings, Tick tick = {});
    // Reads the whole device into `out`. False on format errors or cancel.
    bool read(QIODevice *device, CinData::Census *out);
    bool cancelled() const { return m_cancelled; }

    // The DfE's referral source codes grouped as seed 002 reports them: "Police", "Schools", ...
    static QString referralSourceGroup(const QString &code);
    static QStringList referralSourceGroups();

private:
    struct Impl;
    QString m_file;
    ErrorSink m_errors;
    FindingSink m_findings;
    Tick m_tick;
    bool m_cancelled = false;
};
