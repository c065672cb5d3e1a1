#pragma once
// Writes the demo authority (DemoData, made by the domain's DemoGenerator) into a store: the
// case tables by the engines' bulk paths, then the panel history, budgets and the DEMO label.
#include "store/demodata.h"

#include <QString>

class Store;

class DemoStore
{
public:
    explicit DemoStore(Store &store) : m_store(store) {}
    // Replaces the store's case data with `data` in one transaction and labels the store DEMO.
    // Refuses a store that holds imported (non-demo) data.
    bool write(const DemoData &data, QString *error);

private:
    Store &m_store;
};
