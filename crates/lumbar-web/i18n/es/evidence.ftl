# Afirmaciones citadas de la referencia clínica §5 (español). Las fuentes están en
# src/content.rs por id y se muestran desde sources.toml del conjunto de reglas.

ev-helps-heading = Cómo puede ayudar el masaje
ev-helps-short-term = El masaje puede aliviar el dolor lumbar durante un tiempo a muchas personas. En los estudios el beneficio fue sobre todo a corto plazo, se desvanece en semanas o meses, y la calidad de la evidencia es baja.
ev-helps-function = Algunas personas con dolor de espalda que dura semanas o meses se mueven y hacen sus tareas diarias algo mejor en las semanas siguientes a una serie de masajes.
ev-helps-tension = A la mayoría de las personas el masaje les relaja, y sentirse menos tenso puede ayudar con el dolor. En un ensayo grande, el masaje relajante funcionó igual de bien que un masaje más profundo y localizado.
ev-helps-mobility = Puede notar la espalda más suelta durante un tiempo después de un masaje. Mantenerse activo y hacer ejercicio es lo que la mantiene en movimiento a largo plazo.
ev-helps-with-exercise = Las guías dicen que el masaje funciona mejor como parte de un plan que le mantenga activo, con el ejercicio como base, y no como tratamiento único.
ev-helps-chronic = Para el dolor de espalda que dura más de 12 semanas, las guías ponen primero el ejercicio y otros tratamientos activos; ahí la evidencia sobre el masaje es más débil.

ev-weak-heading = Afirmaciones populares con poca evidencia
ev-weak-circulation = «El masaje mejora la circulación»: los estudios que midieron el flujo de sangre en la pierna vieron que el masaje no lo aumentaba. El flujo en la piel puede subir, pero no es lo mismo.
ev-weak-inflammation = «El masaje reduce la inflamación»: no se ha demostrado para el dolor de espalda. Un pequeño estudio de laboratorio en músculos después del ejercicio encontró menos señales de inflamación, lo que está muy lejos de tratar una espalda.
ev-weak-structural = El masaje no arregla una hernia o un abombamiento de disco, un nervio atrapado ni un estrechamiento de la columna, y no «realinea» la columna ni «elimina toxinas». El dolor que baja por la pierna, el adormecimiento o la debilidad necesitan la revisión de un profesional sanitario, y el masaje no debe retrasarla.

ev-sessions-heading = Cuántas sesiones suelen hacer falta
ev-sessions-trials = En los estudios las personas recibieron de 6 a 10 sesiones en 2 a 10 semanas: por ejemplo, 6 sesiones en un mes aproximadamente o 10 sesiones en 10 semanas. Algunas personas notan alivio tras una sesión; otras necesitan varias.
ev-sessions-durability = El beneficio es sobre todo a corto plazo. En el ensayo más grande duró al menos 6 meses en muchas personas, pero era pequeño al cabo de un año. Para mantener el beneficio, normalmente hay que seguir recibiendo masajes.
ev-sessions-plan = Un plan sensato es un primer bloque de unas 4 a 6 sesiones semanales junto con ejercicio. Si para entonces su dolor no ha mejorado unos 2 puntos de 10 (o alrededor de un tercio), consulte a un profesional sanitario en lugar de seguir con lo mismo. Este plan es una sugerencia de lumbar, basada en cómo se mide el cambio del dolor.
ev-sessions-natural-course = La mayoría del dolor de espalda nuevo mejora mucho en unas 6 semanas sea cual sea el tratamiento, así que mejorar mientras recibe masajes no siempre se debe al masaje.

ev-styles-heading = ¿Tejido profundo o sueco?
ev-styles-similar = Para el dolor lumbar de larga duración, un ensayo grande encontró que el masaje relajante (tipo sueco) y el masaje más profundo y localizado (estructural) ayudaron más o menos igual.
ev-styles-pressure-risk = La presión más profunda y fuerte tiene más riesgos, como los moratones. Las personas que toman anticoagulantes o tienen un problema de sangrado deben evitar el masaje profundo y fuerte.
ev-styles-choose = Así que elija el tipo que le resulte cómodo. No está demostrado que la presión más profunda funcione mejor ni más rápido.

ev-safety-heading = Efectos secundarios y seguridad
ev-safety-soreness = Los problemas graves son raros. En los estudios, entre menos de 2 y 25 de cada 100 personas tuvieron más dolor durante un tiempo después, y es frecuente notar algo de molestia al día siguiente.
ev-safety-not-instead = No use el masaje para retrasar la consulta con un profesional sanitario por un problema médico.

## Lo que el masaje puede y no puede hacer por usted (página de resultado)

can-short-term-relief = El masaje puede aliviar el dolor de espalda durante un tiempo. Para la mayoría, el alivio es a corto plazo.
can-with-exercise = Funciona mejor junto con el ejercicio y mantenerse activo, no por sí solo.
cannot-fix-structure = No arregla un problema de disco o de nervio, ni un estrechamiento de la columna. Eso necesita a un profesional sanitario.
cannot-severe-pain = Por sí solo no basta para un dolor intenso.
can-soreness = Puede notar molestias durante un día más o menos después; dígale a su masajista si la presión es demasiada.
