#include "gui.h"

#include <QtWidgets/QApplication>
#include <QtWidgets/QMainWindow>

int Gui::run(int argc, char **argv)
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.show();
    return app.exec();
}
