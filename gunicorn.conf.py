"""gunicorn's settings for desaonline: ``gunicorn -c gunicorn.conf.py wsgi:app ...``
(gunicorn also reads this file by itself when started from the checkout's root).

The master imports the app before it opens the port (``preload_app``): without it the
port opens first and each worker imports the app on its own, so on a loaded machine the
first requests wait in the queue for seconds and time out. After the fork each worker
drops the connections it inherited, so no two processes ever share a database socket,
and moves everything the app holds for its whole life (modules, the app, SQLAlchemy's
mappers and compiled statements) out of the garbage collector's sight: its full
collections then walk only what requests leave behind, instead of pausing a request
for milliseconds to walk the app again and again.
Bind address, workers and threads stay on the command line.
"""
import gc

preload_app = True


def post_fork(server, worker):
    from desaonline.extensions import db
    from wsgi import app
    with app.app_context():
        for engine in db.engines.values():
            engine.dispose(close=False)  # the master's connections, if any, stay the master's
    gc.freeze()
